// The vocabulary as the official get_tokenizer reads vocab.txt: line index = id, token = line[:-1],
// unknown tokens → 0 and reported; and the errors a user gets for a file that cannot be a vocabulary.
namespace IShowTts.Text.Tests;

public sealed class VocabularyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ishowtts-vocab-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheEmbeddedVocabularyHasTheOfficial2545TokensWithSpaceFirst()
    {
        var vocab = Vocabulary.Default;
        Assert.Equal(2545, vocab.Count);
        Assert.Equal(0, vocab.IdOf(" "));
        Assert.Equal(1, vocab.IdOf("!"));
        Assert.Equal(12, vocab.IdOf(","));
    }

    [Fact]
    public void AnUnknownTokenGetsIdZeroAndIsListedOnceInOrderOfAppearance()
    {
        var ids = Vocabulary.Default.Encode(["a", "😂", "ge", "😂", "b"], out var unknown);
        Assert.Equal([Vocabulary.Default.IdOf("a"), 0, 0, 0, Vocabulary.Default.IdOf("b")], ids);
        Assert.Equal(["😂", "ge"], unknown);
        Assert.Equal(0, Vocabulary.Default.IdOf("no-such-token"));
        Assert.False(Vocabulary.Default.Contains("ge"));
    }

    [Fact]
    public void KnownTokensGiveAnEmptyUnknownList()
    {
        Vocabulary.Default.Encode([" ", "ni3", "hao3"], out var unknown);
        Assert.Empty(unknown);
    }

    [Fact]
    public void LoadingTheShippedFileGivesTheEmbeddedVocabulary()
    {
        var path = Path.Combine(TestSupport.RepositoryRoot.Find(), "src", "IShowTts.Text", "Resources", "vocab.txt");
        var loaded = Vocabulary.Load(path);
        Assert.Equal(Vocabulary.Default.Count, loaded.Count);
        foreach (var (token, id) in File.ReadAllText(path).Split('\n')[..^1].Select((t, i) => (t, i)))
            Assert.Equal(id, loaded.IdOf(token));
    }

    [Fact]
    public void LineIndexIsTheIdAndARepeatedTokenKeepsItsLastLine()
    {
        var vocab = Write(" \na\nb\na\n");
        Assert.Equal(3, vocab.Count);
        Assert.Equal(3, vocab.IdOf("a"));
        Assert.Equal(2, vocab.IdOf("b"));
    }

    [Fact]
    public void WindowsLineEndingsReadLikeUnixOnes()
    {
        var vocab = Write(" \r\na\r\nb\r\n");
        Assert.Equal(1, vocab.IdOf("a"));
        Assert.Equal(2, vocab.IdOf("b"));
    }

    [Fact]
    public void AnUnterminatedLastLineLosesItsLastCharacterAsInTheOfficialLoader()
    {
        var vocab = Write(" \nab");
        Assert.Equal(1, vocab.IdOf("a"));
        Assert.False(vocab.Contains("ab"));
    }

    [Fact]
    public void AMissingFileIsAnErrorNamingIt()
    {
        var path = Path.Combine(_dir, "absent.txt");
        var e = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void AnEmptyFileIsAnErrorNamingIt()
    {
        var path = Path.Combine(_dir, "empty.txt");
        File.WriteAllText(path, "");
        var e = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void AFileWhoseFirstTokenIsNotTheSpaceIsAnError()
    {
        var path = Path.Combine(_dir, "nospace.txt");
        File.WriteAllText(path, "a\nb\n");
        var e = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void AFileThatIsNotUtf8IsAnErrorNamingIt()
    {
        var path = Path.Combine(_dir, "latin1.txt");
        File.WriteAllBytes(path, [(byte)' ', (byte)'\n', 0xE9, 0xFF, (byte)'\n']);
        var e = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void AByteOrderMarkIsAnErrorBecauseTheOfficialLoaderWouldMakeItPartOfTheSpaceToken()
    {
        var path = Path.Combine(_dir, "bom.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, (byte)' ', (byte)'\n', (byte)'a', (byte)'\n']);
        var e = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
        Assert.Contains(path, e.Message);
    }

    private Vocabulary Write(string content)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        return Vocabulary.Load(path);
    }
}
