using System;
using System.Text;
using Presence.Incremental;

namespace Presence.Generators.Helpers
{
    /// <summary>Writes source text line by line at the current indentation (four spaces a level).</summary>
    internal sealed class IndentedWriter
    {
        private const string Indentation = "    ";
        private readonly StringBuilder _builder = new StringBuilder();
        private int _level;

        public IndentedWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                for (var i = 0; i < _level; i++)
                {
                    _builder.Append(Indentation);
                }

                _builder.Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        /// <summary>Writes <c>{</c>, indents until the returned scope is disposed, then writes <c>}</c> (and <paramref name="after"/>).</summary>
        public Block Open(string after = "")
        {
            Line("{");
            _level++;
            return new Block(this, after);
        }

        public IndentedWriter Docs(EquatableArray<string> lines)
        {
            foreach (var line in lines)
            {
                Line(line.Length == 0 ? "///" : "/// " + line);
            }

            return this;
        }

        public override string ToString() => _builder.ToString();

        public readonly struct Block : IDisposable
        {
            private readonly IndentedWriter _writer;
            private readonly string _after;

            public Block(IndentedWriter writer, string after)
            {
                _writer = writer;
                _after = after;
            }

            public void Dispose()
            {
                _writer._level--;
                _writer.Line("}" + _after);
            }
        }
    }
}
