// What the normaliser does with an emoji (docs/normalization.md, "Emoji").
// Name reads the common chat emoji by name and drops the rest; Drop removes every emoji.
namespace IShowTts.Text.Normalization;

public enum EmojiMode
{
    Name,
    Drop,
}
