namespace IShowTts.Configuration; internal static class AssemblyMarker { }
