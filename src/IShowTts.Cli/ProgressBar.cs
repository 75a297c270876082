// A text progress bar for the stderr progress line: "[######------] 42 % NFE 7 run 2/3, step 5/7 · ≈ 12 s left".
using System.Globalization;

namespace IShowTts.Cli;

public static class ProgressBar
{
    public static string Render(double fraction, string label, double? secondsLeft, int width = 20)
    {
        fraction = Math.Clamp(fraction, 0, 1);
        int filled = (int)Math.Round(fraction * width);
        var left = secondsLeft is { } s ? s >= 90 ? $" · ≈ {s / 60:F0} min left" : $" · ≈ {s:F0} s left" : "";
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('-', width - filled)}] {fraction * 100,3:F0} % {label}{left}");
    }
}
