namespace Presence.Analyzers.Catalog
{
    internal enum SettingKind
    {
        /// <summary>Read through IConfiguration or an options type bound from a section.</summary>
        Configuration,

        /// <summary>Read with Environment.GetEnvironmentVariable.</summary>
        Environment,
    }

    /// <summary>
    /// Where a URL came from: a configuration key or environment variable, the file that gives it a value, or why
    /// it has none. A configured webhook URL is a credential: what is shown of it is its key, its file and its
    /// host, never its path or query.
    /// </summary>
    internal sealed class SettingOrigin
    {
        public SettingOrigin(string key, SettingKind kind, ConfiguredValue? value, string? unset, string? names = null)
        {
            Key = key;
            Kind = kind;
            Value = value;
            Unset = unset;
            Names = names ?? key;
        }

        /// <summary>The key (<c>Slack:WebhookUrl</c>) or variable name (<c>SLACK_WEBHOOK_URL</c>).</summary>
        public string Key { get; }

        public SettingKind Kind { get; }

        /// <summary>The value a settings file gives, when it holds a URL.</summary>
        public ConfiguredValue? Value { get; }

        /// <summary>Why no URL is known: "not set in appsettings.json", "empty in appsettings.json"…</summary>
        public string? Unset { get; }

        /// <summary>The names that speak for what the value is: the key, and the options type and property it is read through.</summary>
        public string Names { get; }

        private string What
            => Kind == SettingKind.Environment ? "environment variable '" + Key + "'"
                : OptionsBindings.UnboundDisplay(Key) is { } options ? "options '" + options + "'"
                : "configuration '" + Key + "'";

        /// <summary>"URL from configuration 'Slack:WebhookUrl' (appsettings.json: hooks.slack.com)".</summary>
        public string Describe(string? host)
            => Value is { } value
                ? "URL from " + What + " (" + value.File + (host is null ? string.Empty : ": " + host) + ")"
                : "URL from " + What + " (" + Unset + ")";

        /// <summary>The same, with the evidence that decided when the value is not known.</summary>
        public string DescribeEvidence(string evidence) => "URL from " + What + " (" + Unset + "; " + evidence + ")";
    }
}
