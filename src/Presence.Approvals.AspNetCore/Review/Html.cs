using System;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Presence
{
    /// <summary>
    /// A small HTML writer: every piece of text goes through <c>Text</c> (HTML-encoded), markup only through
    /// <see cref="Raw"/> with constant strings. Post content is untrusted (machine-written text, user input) and is
    /// only ever written as text.
    /// </summary>
    internal sealed class Html
    {
        private readonly StringBuilder _builder = new StringBuilder(4096);

        public Html Raw(string markup)
        {
            _builder.Append(markup);
            return this;
        }

        public Html Text(string? text)
        {
            if (!string.IsNullOrEmpty(text))
            {
                _builder.Append(HtmlEncoder.Default.Encode(text!));
            }

            return this;
        }

        public Html Text(long number) => Text(number.ToString(CultureInfo.InvariantCulture));

        /// <summary>An attribute value, encoded (<paramref name="name"/> is a constant).</summary>
        public Html Attribute(string name, string? value)
        {
            _builder.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value ?? string.Empty)).Append('"');
            return this;
        }

        public Html Element(string tag, string? text, string? cssClass = null)
        {
            _builder.Append('<').Append(tag);
            if (cssClass is not null)
            {
                Attribute("class", cssClass);
            }

            _builder.Append('>');
            Text(text);
            _builder.Append("</").Append(tag).Append('>');
            return this;
        }

        public Html Link(string href, string? text, string? cssClass = null)
        {
            _builder.Append("<a");
            Attribute("href", href);
            if (cssClass is not null)
            {
                Attribute("class", cssClass);
            }

            _builder.Append('>');
            Text(text);
            _builder.Append("</a>");
            return this;
        }

        public Html Time(DateTimeOffset at)
        {
            _builder.Append("<time");
            Attribute("datetime", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            _builder.Append('>');
            Text(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
            _builder.Append("</time>");
            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}
