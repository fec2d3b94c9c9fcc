using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// Reads a JSON settings file the way Microsoft.Extensions.Configuration.Json does: comments (<c>//</c>, <c>/* */</c>)
    /// and trailing commas are legal, objects flatten to <c>A:B</c> keys, array items to <c>A:0</c>, and a null value
    /// is an empty one. An empty file and a key given twice are errors, as there. Throws <see cref="FormatException"/> with the line and column of what cannot be read.
    /// </summary>
    internal sealed class SettingsJson
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private readonly List<KeyValuePair<string, string>> _values = new List<KeyValuePair<string, string>>();
        private readonly HashSet<string> _keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private int _position;

        private SettingsJson(string text)
        {
            _text = text;
        }

        /// <summary>The flattened key/value pairs, in file order; a key given twice is an error, as in the configuration system.</summary>
        public static List<KeyValuePair<string, string>> Flatten(string text)
        {
            var reader = new SettingsJson(text);
            reader.SkipTrivia();
            if (reader.AtEnd)
            {
                // The configuration system refuses a file with no object in it (empty, blanks or comments only).
                throw reader.Error("the file is empty, which the host refuses at startup (write {} for no settings)");
            }

            if (reader.Peek() != '{')
            {
                throw reader.Error("the file must hold a JSON object");
            }

            reader.ReadValue(prefix: null, depth: 0);
            reader.SkipTrivia();
            if (!reader.AtEnd)
            {
                throw reader.Error("unexpected text after the closing '}'");
            }

            return reader._values;
        }

        private bool AtEnd => _position >= _text.Length;

        private char Peek() => _text[_position];

        private void ReadValue(string? prefix, int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("objects are nested too deeply");
            }

            SkipTrivia();
            if (AtEnd)
            {
                throw Error("the file ends inside a value");
            }

            switch (Peek())
            {
                case '{':
                    _position++;
                    ReadMembers(prefix, depth);
                    break;
                case '[':
                    _position++;
                    ReadItems(prefix, depth);
                    break;
                case '"':
                    Add(prefix, ReadString());
                    break;
                default:
                    Add(prefix, ReadLiteral());
                    break;
            }
        }

        private void ReadMembers(string? prefix, int depth)
        {
            while (true)
            {
                SkipTrivia();
                if (AtEnd)
                {
                    throw Error("a '}' is missing");
                }

                if (Peek() == '}')
                {
                    _position++;
                    return;
                }

                if (Peek() != '"')
                {
                    throw Error("a property name in double quotes was expected");
                }

                var name = ReadString();
                SkipTrivia();
                if (AtEnd || Peek() != ':')
                {
                    throw Error("a ':' was expected after the property name");
                }

                _position++;
                ReadValue(prefix is null ? name : prefix + ":" + name, depth + 1);
                if (!SkipSeparator('}'))
                {
                    throw Error("a ',' or '}' was expected");
                }
            }
        }

        private void ReadItems(string? prefix, int depth)
        {
            var index = 0;
            while (true)
            {
                SkipTrivia();
                if (AtEnd)
                {
                    throw Error("a ']' is missing");
                }

                if (Peek() == ']')
                {
                    _position++;
                    return;
                }

                var item = index.ToString(CultureInfo.InvariantCulture);
                ReadValue(prefix is null ? item : prefix + ":" + item, depth + 1);
                index++;
                if (!SkipSeparator(']'))
                {
                    throw Error("a ',' or ']' was expected");
                }
            }
        }

        // After a member or item: a comma (a trailing one before the closer is legal), or the closer itself.
        private bool SkipSeparator(char closer)
        {
            SkipTrivia();
            if (AtEnd)
            {
                return false;
            }

            if (Peek() == ',')
            {
                _position++;
                return true;
            }

            return Peek() == closer;
        }

        private string ReadString()
        {
            _position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("a string is not closed");
                }

                var c = _text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c == '\n')
                {
                    throw Error("a string is not closed on its line");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (AtEnd)
                {
                    throw Error("a string is not closed");
                }

                var escape = _text[_position++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error("'\\u' must be followed by four hexadecimal digits");
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw Error("'\\" + escape + "' is not a JSON escape");
                }
            }
        }

        // Numbers, true, false and null, kept as the configuration system keeps them: as text (null as empty).
        private string ReadLiteral()
        {
            var start = _position;
            while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() is '-' or '+' or '.'))
            {
                _position++;
            }

            var literal = _text.Substring(start, _position - start);
            if (literal is "true" or "false")
            {
                return literal == "true" ? "True" : "False";
            }

            if (literal == "null")
            {
                return string.Empty;
            }

            if (literal.Length == 0 || !double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                _position = start;
                throw Error("a value was expected");
            }

            return literal;
        }

        private void SkipTrivia()
        {
            while (!AtEnd)
            {
                var c = Peek();
                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    var end = _text.IndexOf('\n', _position);
                    _position = end < 0 ? _text.Length : end + 1;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("a '/*' comment is not closed");
                    }

                    _position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private void Add(string? key, string value)
        {
            if (key is null)
            {
                return;
            }

            // Keys compare case-insensitively; the configuration system refuses a file that gives one twice.
            if (!_keys.Add(key))
            {
                throw Error("the key '" + key + "' is given twice, which the host refuses at startup");
            }

            _values.Add(new KeyValuePair<string, string>(key, value));
        }

        private FormatException Error(string what)
        {
            var line = 1;
            var column = 1;
            for (var i = 0; i < _position && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new SettingsFormatException(what, line, column);
        }
    }

    /// <summary>What cannot be read in a settings file, and where.</summary>
    internal sealed class SettingsFormatException : FormatException
    {
        public SettingsFormatException(string what, int line, int column)
            : base(what)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }
    }
}
