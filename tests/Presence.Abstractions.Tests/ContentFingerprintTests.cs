using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests
{
    public class ContentFingerprintTests
    {
        private static readonly DateTimeOffset Monday = new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.Zero);

        [Fact]
        public void Value_is_the_sha256_of_length_prefixed_utf8_parts_in_lowercase_hex()
        {
            // The documented encoding, rebuilt by hand: stored fingerprints must stay valid across versions.
            var expected = new List<byte>();
            foreach (var part in new[] { "Grüße", string.Empty })
            {
                var bytes = Encoding.UTF8.GetBytes(part);
                expected.AddRange(new[] { (byte)0, (byte)0, (byte)0, (byte)bytes.Length });
                expected.AddRange(bytes);
            }

            expected.AddRange(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF });
            var hex = Convert.ToHexString(SHA256.HashData(expected.ToArray())).ToLowerInvariant();

            var fingerprint = ContentFingerprint.Of("Grüße", string.Empty, null);

            Assert.Equal(hex, fingerprint.Value);
            Assert.Equal(64, fingerprint.Value.Length);
            Assert.Equal(fingerprint.Value, fingerprint.ToString());
        }

        [Fact]
        public void The_same_parts_give_the_same_fingerprint()
        {
            Assert.Equal(ContentFingerprint.Of("a", "b"), ContentFingerprint.Of("a", "b"));
            Assert.True(ContentFingerprint.Of("a", "b") == ContentFingerprint.Of("a", "b"));
            Assert.Equal(ContentFingerprint.Of("a", "b").GetHashCode(), ContentFingerprint.Of("a", "b").GetHashCode());
        }

        [Fact]
        public void Part_boundaries_and_null_are_part_of_the_fingerprint()
        {
            var all = new[]
            {
                ContentFingerprint.Of("ab", "c"),
                ContentFingerprint.Of("a", "bc"),
                ContentFingerprint.Of("abc"),
                ContentFingerprint.Of("abc", string.Empty),
                ContentFingerprint.Of(string.Empty),
                ContentFingerprint.Of((string?)null),
                ContentFingerprint.Of(),
            };

            Assert.Equal(all.Length, all.Distinct().Count());
        }

        [Fact]
        public void A_string_is_fingerprinted_by_its_text()
        {
            Assert.Equal(ContentFingerprint.Of("Hello"), ContentFingerprint.For("Hello"));
            Assert.NotEqual(ContentFingerprint.For("Hello"), ContentFingerprint.For("Hello!"));
            Assert.NotEqual(ContentFingerprint.For("Hello"), ContentFingerprint.For("hello"));
        }

        [Fact]
        public void Changing_body_media_or_channel_changes_the_fingerprint()
        {
            var post = new Post("linkedin:acme", "We are hiring", Monday, "https://cdn/a.png");
            var original = ContentFingerprint.For(post);

            var body = post.Copy();
            body.Body = "We are hiring!";
            var media = post.Copy();
            media.Media[0] = "https://cdn/b.png";
            var moreMedia = post.Copy();
            moreMedia.Media.Add("https://cdn/c.png");
            var channel = post.Copy();
            channel.Channel = "mastodon:@acme";

            Assert.All(new[] { body, media, moreMedia, channel }, changed => Assert.NotEqual(original, ContentFingerprint.For(changed)));
        }

        [Fact]
        public void Changing_only_the_schedule_keeps_the_fingerprint()
        {
            var post = new Post("linkedin:acme", "We are hiring", Monday);
            var rescheduled = post.Copy();
            rescheduled.PublishAt = Monday.AddDays(2);

            Assert.Equal(ContentFingerprint.For(post), ContentFingerprint.For(rescheduled));
        }

        [Fact]
        public void Content_that_did_not_opt_in_is_refused_with_the_way_out()
        {
            var error = Assert.Throws<NotSupportedException>(() => ContentFingerprint.For(new PlainDraft()));
            Assert.Contains(nameof(IApprovalContent), error.Message);
            Assert.Contains(nameof(PlainDraft), error.Message);
        }

        [Fact]
        public void Missing_or_empty_content_is_refused()
        {
            Assert.Throws<ArgumentNullException>(() => ContentFingerprint.For<string?>(null));
            Assert.Throws<ArgumentNullException>(() => ContentFingerprint.Of(null!));
            Assert.Throws<InvalidOperationException>(() => ContentFingerprint.For(new LazyContent()));
        }

        [Fact]
        public void Text_with_a_lone_surrogate_is_refused_rather_than_collapsed()
        {
            // A lenient encoder would turn both into U+FFFD and give two different texts one fingerprint.
            Assert.Throws<ArgumentException>(() => ContentFingerprint.Of("\uD800"));
            Assert.Throws<ArgumentException>(() => ContentFingerprint.Of("ok", "\uDC01"));
        }

        [Fact]
        public void Parse_reads_a_stored_value_back()
        {
            var fingerprint = ContentFingerprint.Of("stored");

            Assert.Equal(fingerprint, ContentFingerprint.Parse(fingerprint.Value));
            Assert.Equal(fingerprint, ContentFingerprint.Parse(fingerprint.Value.ToUpperInvariant()));
            Assert.Throws<FormatException>(() => ContentFingerprint.Parse("abc"));
            Assert.Throws<FormatException>(() => ContentFingerprint.Parse(new string('g', 64)));
            Assert.Throws<ArgumentNullException>(() => ContentFingerprint.Parse(null!));
        }

        [Fact]
        public void The_default_fingerprint_is_empty_and_matches_nothing()
        {
            var empty = default(ContentFingerprint);

            Assert.True(empty.IsEmpty);
            Assert.Equal(string.Empty, empty.Value);
            Assert.False(ContentFingerprint.Of().IsEmpty);
            Assert.NotEqual(empty, ContentFingerprint.Of());
            Assert.True(empty != ContentFingerprint.Of(string.Empty));
        }
    }
}
