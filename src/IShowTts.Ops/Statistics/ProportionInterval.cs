// A share of n trials with its Wilson score interval (95 % by default): sound for small n and for
// shares near 0 or 1, where the normal approximation gives negative or > 1 bounds.
namespace IShowTts.Ops.Statistics;

public sealed record ProportionInterval(int Count, int Total, double Share, double Low, double High)
{
    public const double Z95 = 1.959963984540054;

    public static ProportionInterval Wilson(int count, int total, double z = Z95)
    {
        if (count < 0 || total < 0 || count > total) throw new ArgumentOutOfRangeException(nameof(count), $"{count} of {total} is not a proportion");
        if (total == 0) return new ProportionInterval(0, 0, 0, 0, 1);
        double n = total, p = count / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new ProportionInterval(count, total, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
