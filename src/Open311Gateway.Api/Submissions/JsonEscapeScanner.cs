namespace Open311Gateway.Api.Submissions;

/// <summary>
/// Finds a <c>\uD800</c>–<c>\uDFFF</c> escape in JSON text that is not one half of a pair. Newtonsoft reads such an
/// escape as U+FFFD, so <c>"\ud800"</c> and <c>"\ud801"</c> would become the same value; only the text still tells
/// them apart. Fed the text as it streams in (<see cref="Feed"/>), it follows strings, escapes and comments.
/// </summary>
public sealed class JsonEscapeScanner
{
    private enum State { Outside, Slash, LineComment, BlockComment, BlockCommentStar, InString, Escape, Hex }

    private State _state;
    private int _hexDigits;
    private int _value;
    private bool _pendingHigh;

    /// <summary>Whether the JSON text passed so far holds a lone surrogate escape.</summary>
    public bool Found { get; private set; }

    public void Feed(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (Found) return;
            Step(c);
        }
    }

    public static bool HasLoneSurrogateEscape(string json)
    {
        var scanner = new JsonEscapeScanner();
        scanner.Feed(json);
        return scanner.Found;
    }

    private void Step(char c)
    {
        switch (_state)
        {
            case State.Outside:
                _state = c switch { '"' => State.InString, '/' => State.Slash, _ => State.Outside };
                break;
            case State.Slash:
                _state = c switch { '/' => State.LineComment, '*' => State.BlockComment, '"' => State.InString, _ => State.Outside };
                break;
            case State.LineComment:
                if (c is '\n' or '\r') _state = State.Outside;
                break;
            case State.BlockComment:
                if (c == '*') _state = State.BlockCommentStar;
                break;
            case State.BlockCommentStar:
                _state = c switch { '/' => State.Outside, '*' => State.BlockCommentStar, _ => State.BlockComment };
                break;
            case State.InString:
                // A high surrogate's pair must follow at once, as the next escape.
                if (_pendingHigh && c != '\\') Found = true;
                else if (c == '\\') _state = State.Escape;
                else if (c == '"') _state = State.Outside;
                break;
            case State.Escape:
                if (c == 'u') (_state, _hexDigits, _value) = (State.Hex, 0, 0);
                else if (_pendingHigh) Found = true;
                else _state = State.InString;
                break;
            case State.Hex:
                if (!char.IsAsciiHexDigit(c))
                {
                    // Not JSON at all: the parser refuses it with its own message.
                    (_state, _pendingHigh) = (State.InString, false);
                    break;
                }
                _value = _value * 16 + Convert.ToInt32(c.ToString(), 16);
                if (++_hexDigits < 4) break;
                _state = State.InString;
                var unit = (char)_value;
                if (_pendingHigh) (Found, _pendingHigh) = (!char.IsLowSurrogate(unit), false);
                else if (char.IsHighSurrogate(unit)) _pendingHigh = true;
                else if (char.IsLowSurrogate(unit)) Found = true;
                break;
        }
    }
}
