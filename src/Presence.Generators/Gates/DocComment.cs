using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Presence.Incremental;

namespace Presence.Generators.Gates
{
    /// <summary>
    /// A member's XML documentation as the compiler read it (crefs already resolved to documentation ids, which the
    /// compiler copies verbatim wherever they are written), taken apart so the gate can forward what still applies.
    /// </summary>
    internal sealed class DocComment
    {
        private static readonly DocComment None = new DocComment(null);
        private readonly XElement? _member;

        private DocComment(XElement? member)
        {
            _member = member;
        }

        /// <summary>Empty when the compilation does not parse documentation comments, or the comment is malformed.</summary>
        public static DocComment Read(ISymbol symbol, CancellationToken cancellationToken)
        {
            var xml = symbol.OriginalDefinition.GetDocumentationCommentXml(expandIncludes: false, cancellationToken: cancellationToken);
            if (string.IsNullOrWhiteSpace(xml))
            {
                return None;
            }

            try
            {
                return new DocComment(XElement.Parse(xml, LoadOptions.PreserveWhitespace));
            }
            catch (XmlException)
            {
                return None;
            }
        }

        public XElement? Element(string name) => _member?.Elements(name).FirstOrDefault();

        /// <summary>The elements a gate method forwards as they are, in their order (not summary, param, typeparam or returns).</summary>
        public IEnumerable<XElement> Others()
            => _member?.Elements().Where(e => e.Name.LocalName is not ("summary" or "param" or "typeparam" or "returns" or "include"))
               ?? Enumerable.Empty<XElement>();

        public XElement? Param(string name) => Named("param", name);

        public XElement? TypeParam(string name) => Named("typeparam", name);

        /// <summary>
        /// A copy of <paramref name="element"/> in which each <c>paramref</c> to a parameter the new member does not have
        /// becomes <c>&lt;c&gt;name&lt;/c&gt;</c> (a dangling paramref is warning CS1734).
        /// </summary>
        public static XElement Rewrite(XElement element, Func<string, bool> hasParameter)
        {
            var copy = new XElement(element);
            foreach (var reference in copy.Descendants("paramref").ToList())
            {
                var name = (string?)reference.Attribute("name") ?? string.Empty;
                if (!hasParameter(name))
                {
                    reference.ReplaceWith(new XElement("c", name));
                }
            }

            return copy;
        }

        /// <summary>The content of an element, as XML text on one or more lines.</summary>
        public static string Inner(XElement element)
            => string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))).Trim();

        private XElement? Named(string element, string name)
            => _member?.Elements(element).FirstOrDefault(e => (string?)e.Attribute("name") == name);
    }

    /// <summary>The lines of a documentation comment being built, without the leading <c>///</c>.</summary>
    internal sealed class DocLines
    {
        private readonly List<string> _lines = new List<string>();

        /// <summary>Adds XML text; several lines lose their common indentation.</summary>
        public DocLines Add(string xml)
        {
            var lines = xml.Replace("\r\n", "\n").Split('\n');
            var indent = lines.Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = i == 0 ? lines[i].TrimStart() : lines[i].Substring(Math.Min(indent, lines[i].Length - lines[i].TrimStart().Length));
                _lines.Add(line.TrimEnd());
            }

            return this;
        }

        public DocLines Add(XElement element) => Add(element.ToString(SaveOptions.DisableFormatting));

        /// <summary>Adds <c>&lt;name attribute="value"&gt;inner&lt;/name&gt;</c>; <paramref name="inner"/> is XML.</summary>
        public DocLines Tag(string name, string inner, string? attribute = null, string? value = null)
            => Add(attribute is null
                ? $"<{name}>{inner}</{name}>"
                : $"<{name} {attribute}=\"{Escape(value!)}\">{inner}</{name}>");

        public EquatableArray<string> ToArray() => _lines.ToEquatableArray();

        /// <summary>Text made safe for XML.</summary>
        public static string Escape(string text)
            => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

        public static string Cref(string documentationId) => $"<see cref=\"{Escape(documentationId)}\"/>";

        public static string Code(string text) => $"<c>{Escape(text)}</c>";
    }
}
