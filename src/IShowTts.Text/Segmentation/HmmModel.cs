// jieba's finalseg HMM: start, transition and emission log-probabilities over the states B, M, E, S
// (begin, middle, end of a word; single-character word), read from the tables jieba 0.42.1 ships
// (Resources/jieba_hmm.json.gz). Data only; HmmWordFinder runs the Viterbi search over it.
using System.Text.Json;

namespace IShowTts.Text.Segmentation;

internal sealed class HmmModel
{
    /// <summary>jieba's MIN_FLOAT: the log-probability of anything a table lacks.</summary>
    public const double MinFloat = -3.14e100;

    /// <summary>State letters in jieba's iteration order ("BMES").</summary>
    public static readonly char[] States = ['B', 'M', 'E', 'S'];

    private readonly double[] _start;                          // [state]
    private readonly double[,] _transition;                    // [from, to]
    private readonly Dictionary<char, double>[] _emission;      // [state] char → log p

    private HmmModel(double[] start, double[,] transition, Dictionary<char, double>[] emission)
    {
        _start = start;
        _transition = transition;
        _emission = emission;
    }

    public static int IndexOf(char state) => state switch
    {
        'B' => 0,
        'M' => 1,
        'E' => 2,
        'S' => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not an HMM state"),
    };

    public double Start(int state) => _start[state];

    public double Transition(int from, int to) => _transition[from, to];

    public double Emission(int state, char c) => _emission[state].TryGetValue(c, out var p) ? p : MinFloat;

    /// <summary>Parses {"start":{s:p}, "trans":{s:{s:p}}, "emit":{s:{char:p}}}; <paramref name="source"/> names it in errors.</summary>
    public static HmmModel Parse(byte[] json, string source)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var start = new double[4];
        var transition = new double[4, 4];
        for (var i = 0; i < 4; i++)
            for (var j = 0; j < 4; j++)
                transition[i, j] = MinFloat;
        var emission = new Dictionary<char, double>[4];
        for (var i = 0; i < 4; i++) emission[i] = [];
        try
        {
            foreach (var p in root.GetProperty("start").EnumerateObject())
                start[IndexOf(p.Name[0])] = p.Value.GetDouble();
            foreach (var from in root.GetProperty("trans").EnumerateObject())
                foreach (var to in from.Value.EnumerateObject())
                    transition[IndexOf(from.Name[0]), IndexOf(to.Name[0])] = to.Value.GetDouble();
            foreach (var state in root.GetProperty("emit").EnumerateObject())
            {
                var table = emission[IndexOf(state.Name[0])];
                foreach (var e in state.Value.EnumerateObject())
                {
                    if (e.Name.Length != 1)
                        throw new InvalidDataException($"{source}: emission key '{e.Name}' is not one BMP character.");
                    table[e.Name[0]] = e.Value.GetDouble();
                }
            }
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or ArgumentOutOfRangeException or FormatException)
        {
            throw new InvalidDataException($"{source} is not a jieba HMM table: {e.Message}", e);
        }
        return new HmmModel(start, transition, emission);
    }
}
