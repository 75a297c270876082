namespace IShowTts.TestSupport;

/// <summary>Numerical comparisons used by parity and kernel tests: relative L2 error, never NaN.</summary>
public static class Compare
{
    /// <summary>‖actual − expected‖₂ / ‖expected‖₂ (absolute L2 when the reference is all zeros); NaN anywhere gives +∞.</summary>
    public static double RelativeL2(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        if (actual.Length != expected.Length)
            throw new ArgumentException($"length {actual.Length} vs expected {expected.Length}");
        double num = 0, den = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double a = actual[i], e = expected[i];
            if (double.IsNaN(a) || double.IsInfinity(a)) return double.PositiveInfinity;
            num += (a - e) * (a - e);
            den += e * e;
        }
        return den == 0 ? Math.Sqrt(num) : Math.Sqrt(num / den);
    }

    /// <summary>Asserts the relative L2 error is within tolerance, printing it and the first mismatches otherwise.</summary>
    public static double AssertClose(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, double tolerance, string what)
    {
        var err = RelativeL2(actual, expected);
        if (!(err <= tolerance))
        {
            var sb = new System.Text.StringBuilder();
            sb.AppendLine($"{what}: relative L2 error {err:E3} > tolerance {tolerance:E1}");
            int shown = 0;
            for (int i = 0; i < actual.Length && shown < 8; i++)
            {
                var tol = 1e-5 + Math.Abs(expected[i]) * tolerance * 10;
                if (!(Math.Abs(actual[i] - expected[i]) <= tol))
                {
                    sb.AppendLine($"  [{i}] expected {expected[i]:G9} actual {actual[i]:G9}");
                    shown++;
                }
            }
            Assert.Fail(sb.ToString());
        }
        return err;
    }
}
