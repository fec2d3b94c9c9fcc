#nullable enable
using System;
using System.Security.Cryptography;
using System.Text;

namespace Presence
{
    /// <summary>
    /// A SHA-256 fingerprint of exactly the content a person approved: its body, media and target channel, not its
    /// schedule. An approval is valid only for content with the same fingerprint.
    /// </summary>
    /// <remarks>
    /// The fingerprint hashes each part as its UTF-8 byte length (4 bytes, big-endian; -1 for <c>null</c>) followed by
    /// its bytes, so <c>Of("ab", "c")</c>, <c>Of("a", "bc")</c>, <c>Of("abc")</c> and <c>Of(null)</c> versus
    /// <c>Of("")</c> all differ. <see cref="Value"/> is the lowercase hexadecimal hash (64 characters), stable across
    /// processes, machines and versions, so it can be stored next to the approval.
    /// </remarks>
    public readonly struct ContentFingerprint : IEquatable<ContentFingerprint>
    {
        private const int HexLength = 64;

        // Lone surrogates would all become U+FFFD with a lenient encoder: different texts, one fingerprint.
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly string? _value;

        private ContentFingerprint(string value)
        {
            _value = value;
        }

        /// <summary>The fingerprint as 64 lowercase hexadecimal characters; empty for <c>default(ContentFingerprint)</c>.</summary>
        public string Value => _value ?? string.Empty;

        /// <summary><c>true</c> for <c>default(ContentFingerprint)</c>, which fingerprints nothing and matches no approval.</summary>
        public bool IsEmpty => _value is null;

        /// <summary>
        /// Fingerprints content given as its parts, in a fixed order: for example the channel, the body, the number of
        /// media items and each media item's stable identifier or hash. Leave the schedule out.
        /// </summary>
        /// <param name="parts">The parts of the content; a <c>null</c> part differs from an empty one.</param>
        /// <returns>The fingerprint of the parts.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="parts"/> is null.</exception>
        /// <exception cref="ArgumentException">A part is not valid text (it contains a lone surrogate).</exception>
        public static ContentFingerprint Of(params string?[] parts)
        {
            Require.NotNull(parts, nameof(parts));
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                for (var i = 0; i < parts.Length; i++)
                {
                    var part = parts[i];
                    if (part is null)
                    {
                        hash.AppendData(BigEndian(-1));
                        continue;
                    }

                    byte[] bytes;
                    try
                    {
                        bytes = StrictUtf8.GetBytes(part);
                    }
                    catch (EncoderFallbackException e)
                    {
                        throw new ArgumentException($"Part {i} is not valid text: it contains a lone surrogate, so it has no UTF-8 form to fingerprint.", nameof(parts), e);
                    }

                    hash.AppendData(BigEndian(bytes.Length));
                    hash.AppendData(bytes);
                }

                return new ContentFingerprint(ToHex(hash.GetHashAndReset()));
            }
        }

        /// <summary>
        /// Fingerprints a piece of content: a <see cref="string"/> by its text, an <see cref="IApprovalContent"/> by
        /// the fingerprint it supplies.
        /// </summary>
        /// <typeparam name="T">The content type.</typeparam>
        /// <param name="content">The content to fingerprint.</param>
        /// <returns>The content's fingerprint.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
        /// <exception cref="NotSupportedException">The content is neither a string nor an <see cref="IApprovalContent"/>.</exception>
        /// <exception cref="InvalidOperationException">An <see cref="IApprovalContent"/> returned an empty fingerprint.</exception>
        public static ContentFingerprint For<T>(T content)
        {
            switch (content)
            {
                case null:
                    throw new ArgumentNullException(nameof(content), "There is no content to fingerprint.");
                case string text:
                    return Of(text);
                case IApprovalContent approvable:
                    var fingerprint = approvable.GetApprovalFingerprint();
                    return fingerprint.IsEmpty
                        ? throw new InvalidOperationException(
                            $"{content.GetType()}.GetApprovalFingerprint() returned an empty fingerprint; return ContentFingerprint.Of(channel, body, media...) instead.")
                        : fingerprint;
                default:
                    throw new NotSupportedException(
                        $"Content of type {content.GetType()} cannot be fingerprinted: implement {nameof(IApprovalContent)} on it and return "
                        + $"ContentFingerprint.Of(...) over its channel, body and media (not its schedule) from {nameof(IApprovalContent.GetApprovalFingerprint)}(), "
                        + "or approve the text as a string.");
            }
        }

        /// <summary>Reads a fingerprint back from its <see cref="Value"/>, for example from a database column.</summary>
        /// <param name="value">64 hexadecimal characters, in either case.</param>
        /// <returns>The fingerprint.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
        /// <exception cref="FormatException"><paramref name="value"/> is not 64 hexadecimal characters.</exception>
        public static ContentFingerprint Parse(string value)
        {
            Require.NotNull(value, nameof(value));
            if (value.Length != HexLength)
            {
                throw new FormatException($"A content fingerprint is {HexLength} hexadecimal characters; got {value.Length} characters.");
            }

            foreach (var c in value)
            {
                if (!Uri.IsHexDigit(c))
                {
                    throw new FormatException($"A content fingerprint is {HexLength} hexadecimal characters; '{c}' is not one.");
                }
            }

            return new ContentFingerprint(value.ToLowerInvariant());
        }

        /// <inheritdoc/>
        public bool Equals(ContentFingerprint other) => string.Equals(_value, other._value, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is ContentFingerprint other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

        /// <summary>The fingerprint as 64 lowercase hexadecimal characters.</summary>
        /// <returns><see cref="Value"/>.</returns>
        public override string ToString() => Value;

        /// <summary>Whether two fingerprints are the same.</summary>
        /// <param name="left">A fingerprint.</param>
        /// <param name="right">Another fingerprint.</param>
        /// <returns><c>true</c> when they are equal.</returns>
        public static bool operator ==(ContentFingerprint left, ContentFingerprint right) => left.Equals(right);

        /// <summary>Whether two fingerprints differ.</summary>
        /// <param name="left">A fingerprint.</param>
        /// <param name="right">Another fingerprint.</param>
        /// <returns><c>true</c> when they are not equal.</returns>
        public static bool operator !=(ContentFingerprint left, ContentFingerprint right) => !left.Equals(right);

        private static byte[] BigEndian(int value)
            => new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };

        private static string ToHex(byte[] bytes)
        {
            const string Digits = "0123456789abcdef";
            var chars = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = Digits[bytes[i] >> 4];
                chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }
    }
}
