namespace IShowTts.Chat; internal static class AssemblyMarker { }
