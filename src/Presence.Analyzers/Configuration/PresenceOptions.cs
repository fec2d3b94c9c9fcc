using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Catalog;

namespace Presence.Analyzers.Configuration
{
    /// <summary>
    /// The .editorconfig switches, read per syntax tree:
    /// <c>presence_email_and_sms = true</c> turns on the email and SMS category (off by default),
    /// <c>presence_disabled_platforms = Telegram, Slack</c> turns off platforms by name, and
    /// <c>presence_max_path_depth = 16</c> bounds the calls followed from an entry point (PRES002/PRES003), and
    /// <c>presence_report_bot_replies = true</c> reports a labelled bot's replies in the requester's chat too (strict sets it).
    /// A value that cannot be read keeps the default and is listed in <see cref="Invalid"/> for PRES100.
    /// </summary>
    internal sealed class PresenceOptions
    {
        public const string EmailAndSmsKey = "presence_email_and_sms";
        public const string DisabledPlatformsKey = "presence_disabled_platforms";
        public const string MaxPathDepthKey = "presence_max_path_depth";
        public const string ReportBotRepliesKey = "presence_report_bot_replies";
        public const int DefaultMaxPathDepth = 16;

        public static readonly PresenceOptions Default = new PresenceOptions(false, ImmutableHashSet<string>.Empty, DefaultMaxPathDepth, ImmutableArray<(string, string, string)>.Empty);

        private PresenceOptions(bool emailAndSms, ImmutableHashSet<string> disabledPlatforms, int maxPathDepth, ImmutableArray<(string Key, string Value, string Expected)> invalid, bool reportBotReplies = false)
        {
            ReportBotReplies = reportBotReplies;
            EmailAndSms = emailAndSms;
            DisabledPlatforms = disabledPlatforms;
            MaxPathDepth = maxPathDepth;
            Invalid = invalid;
        }

        public bool EmailAndSms { get; }

        /// <summary>True when a platform-labelled bot's reply in the requester's own chat is reported like any other send.</summary>
        public bool ReportBotReplies { get; }

        public ImmutableHashSet<string> DisabledPlatforms { get; }

        /// <summary>How many calls a path from an entry point may take before it is no longer followed.</summary>
        public int MaxPathDepth { get; }

        /// <summary>Values that could not be read, for PRES100: (key, value, what was expected).</summary>
        public ImmutableArray<(string Key, string Value, string Expected)> Invalid { get; }

        public bool IsEnabled(PublishCategory category, string? platform)
            => (category == PublishCategory.Social || EmailAndSms)
               && (platform is null || !DisabledPlatforms.Contains(platform));

        // The last options read, with what they say. Files that no .editorconfig section gives options of their own
        // share one options object (every file of a project without any), which is then read once, not once per file
        // by each rule; options objects do not change.
        private static Tuple<AnalyzerConfigOptions, PresenceOptions>? _last;

        public static PresenceOptions Read(AnalyzerConfigOptions options)
        {
            var last = Volatile.Read(ref _last);
            if (last is not null && ReferenceEquals(last.Item1, options))
            {
                return last.Item2;
            }

            var read = Parse(options);
            Volatile.Write(ref _last, Tuple.Create(options, read));
            return read;
        }

        private static PresenceOptions Parse(AnalyzerConfigOptions options)
        {
            var hasEmail = options.TryGetValue(EmailAndSmsKey, out var email);
            var hasPlatforms = options.TryGetValue(DisabledPlatformsKey, out var platforms);
            var hasDepth = options.TryGetValue(MaxPathDepthKey, out var depthText);
            var hasBotReplies = options.TryGetValue(ReportBotRepliesKey, out var botReplies);
            if (!hasEmail && !hasPlatforms && !hasDepth && !hasBotReplies)
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

            var maxPathDepth = DefaultMaxPathDepth;
            if (hasDepth && !(int.TryParse(depthText!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out maxPathDepth) && maxPathDepth > 0))
            {
                maxPathDepth = DefaultMaxPathDepth;
                invalid.Add((MaxPathDepthKey, depthText!, "a whole number of calls from 1 up (default " + DefaultMaxPathDepth.ToString(CultureInfo.InvariantCulture) + ")"));
            }

            var reportBotReplies = false;
            if (hasBotReplies && !bool.TryParse(botReplies!.Trim(), out reportBotReplies))
            {
                invalid.Add((ReportBotRepliesKey, botReplies!, "true or false"));
            }

            return new PresenceOptions(emailAndSms, disabled.ToImmutable(), maxPathDepth, invalid.ToImmutable(), reportBotReplies);
        }

        public static readonly ImmutableSortedSet<string> KnownPlatforms = ImmutableSortedSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "X", "Mastodon", "Bluesky", "Discord", "Telegram", "Slack", "Teams", "Facebook", "Instagram", "Threads", "LinkedIn",
            "Reddit", "YouTube", "Pinterest", "TikTok", "Email", "SMS");
    }
}
