using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// The .editorconfig switches of the catalog, read per syntax tree:
    /// <c>presence_email_and_sms = true</c> turns on the email and SMS category (off by default), and
    /// <c>presence_disabled_platforms = Telegram, Slack</c> turns off platforms by name.
    /// </summary>
    internal sealed class PresenceOptions
    {
        public const string EmailAndSmsKey = "presence_email_and_sms";
        public const string DisabledPlatformsKey = "presence_disabled_platforms";

        public static readonly PresenceOptions Default = new PresenceOptions(false, ImmutableHashSet<string>.Empty, ImmutableArray<(string, string, string)>.Empty);

        private PresenceOptions(bool emailAndSms, ImmutableHashSet<string> disabledPlatforms, ImmutableArray<(string Key, string Value, string Expected)> invalid)
        {
            EmailAndSms = emailAndSms;
            DisabledPlatforms = disabledPlatforms;
            Invalid = invalid;
        }

        public bool EmailAndSms { get; }

        public ImmutableHashSet<string> DisabledPlatforms { get; }

        /// <summary>Values that could not be read, for PRES100: (key, value, what was expected).</summary>
        public ImmutableArray<(string Key, string Value, string Expected)> Invalid { get; }

        public bool IsEnabled(PublishCategory category, string? platform)
            => (category == PublishCategory.Social || EmailAndSms)
               && (platform is null || !DisabledPlatforms.Contains(platform));

        public static PresenceOptions Read(AnalyzerConfigOptions options)
        {
            var hasEmail = options.TryGetValue(EmailAndSmsKey, out var email);
            var hasPlatforms = options.TryGetValue(DisabledPlatformsKey, out var platforms);
            if (!hasEmail && !hasPlatforms)
            {
                return Default;
            }

            var invalid = ImmutableArray.CreateBuilder<(string, string, string)>();
            var emailAndSms = false;
            if (hasEmail && !bool.TryParse(email!.Trim(), out emailAndSms))
            {
                invalid.Add((EmailAndSmsKey, email!, "true or false"));
            }

            var disabled = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
            if (hasPlatforms)
            {
                foreach (var platform in platforms!.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (KnownPlatforms.Contains(platform))
                    {
                        disabled.Add(platform);
                    }
                    else
                    {
                        invalid.Add((DisabledPlatformsKey, platform, "a platform name: " + string.Join(", ", KnownPlatforms)));
                    }
                }
            }

            return new PresenceOptions(emailAndSms, disabled.ToImmutable(), invalid.ToImmutable());
        }

        public static readonly ImmutableSortedSet<string> KnownPlatforms = ImmutableSortedSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "X", "Mastodon", "Bluesky", "Discord", "Telegram", "Slack", "Facebook", "Instagram", "Threads", "LinkedIn",
            "Reddit", "YouTube", "Pinterest", "TikTok", "Email", "SMS");
    }
}
