using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Presence.Analyzers.Catalog
{
    /// <summary>A value a settings file gives a configuration key.</summary>
    internal sealed class ConfiguredValue
    {
        public ConfiguredValue(string key, string value, string file)
        {
            Key = key;
            Value = value;
            File = file;
        }

        /// <summary>The key as the file spells it, <c>Slack:WebhookUrl</c>.</summary>
        public string Key { get; }

        /// <summary>The value. A credential when it is a webhook URL: shown to no one, only its host.</summary>
        public string Value { get; }

        /// <summary>The file name (no folder), <c>appsettings.json</c>.</summary>
        public string File { get; }
    }

    /// <summary>A settings file that cannot be read (PRES108).</summary>
    internal sealed class SettingsProblem
    {
        public SettingsProblem(AdditionalText file, string message, Location location)
        {
            File = file;
            Message = message;
            Location = location;
        }

        public AdditionalText File { get; }

        public string Message { get; }

        public Location Location { get; }
    }

    /// <summary>
    /// The project's configuration files, passed as AdditionalFiles (the package adds them): <c>appsettings.json</c>
    /// and <c>appsettings.*.json</c>, and Azure Functions' <c>local.settings.json</c>, whose <c>Values</c> the host
    /// exposes as configuration and as environment variables (<c>A__B</c> is the key <c>A:B</c>). Each file is
    /// parsed once per compilation; keys compare case-insensitively, as in the configuration system.
    /// </summary>
    internal sealed class AppSettings
    {
        public const string LocalSettingsFileName = "local.settings.json";

        private readonly Dictionary<string, List<ConfiguredValue>> _values;

        private AppSettings(Dictionary<string, List<ConfiguredValue>> values, ImmutableArray<SettingsProblem> problems, bool hasFiles)
        {
            _values = values;
            Problems = problems;
            HasFiles = hasFiles;
        }

        public static AppSettings Empty { get; } = new AppSettings(new Dictionary<string, List<ConfiguredValue>>(), ImmutableArray<SettingsProblem>.Empty, hasFiles: false);

        /// <summary>Files that could not be read, with what to say about each.</summary>
        public ImmutableArray<SettingsProblem> Problems { get; }

        /// <summary>True when at least one settings file was passed, readable or not.</summary>
        public bool HasFiles { get; }

        /// <summary>True for the file names read here.</summary>
        public static bool IsSettingsFile(string path)
        {
            var name = Path.GetFileName(path);
            return string.Equals(name, LocalSettingsFileName, StringComparison.OrdinalIgnoreCase)
                   || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
                       && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                       && (name.Length == "appsettings.json".Length || name["appsettings".Length] == '.'));
        }

        /// <summary>Every value given to <paramref name="key"/>, appsettings.json first, then the others by file name.</summary>
        public IReadOnlyList<ConfiguredValue> Find(string key)
            => _values.TryGetValue(Normalize(key), out var values) ? values : (IReadOnlyList<ConfiguredValue>)Array.Empty<ConfiguredValue>();

        public static AppSettings Load(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            List<AdditionalText>? settings = null;
            foreach (var file in files)
            {
                if (IsSettingsFile(file.Path))
                {
                    (settings ??= new List<AdditionalText>()).Add(file);
                }
            }

            if (settings is null)
            {
                return Empty;
            }

            // appsettings.json is the base every environment file overrides: its values are listed first.
            settings.Sort((a, b) => Order(a.Path).CompareTo(Order(b.Path)) is var byKind && byKind != 0
                ? byKind
                : string.Compare(Path.GetFileName(a.Path), Path.GetFileName(b.Path), StringComparison.OrdinalIgnoreCase));

            var values = new Dictionary<string, List<ConfiguredValue>>();
            var problems = ImmutableArray.CreateBuilder<SettingsProblem>();
            foreach (var file in settings)
            {
                var name = Path.GetFileName(file.Path);
                SourceText? text;
                try
                {
                    text = file.GetText(cancellationToken);
                }
                catch (IOException exception)
                {
                    problems.Add(new SettingsProblem(file, name + " cannot be read: " + exception.Message, Location.None));
                    continue;
                }

                if (text is null)
                {
                    problems.Add(new SettingsProblem(file, name + " cannot be read", Location.None));
                    continue;
                }

                List<KeyValuePair<string, string>> pairs;
                try
                {
                    pairs = SettingsJson.Flatten(text.ToString());
                }
                catch (SettingsFormatException exception)
                {
                    problems.Add(new SettingsProblem(file, $"{name}({exception.Line},{exception.Column}) is not valid JSON: {exception.Message}", At(file, text, exception)));
                    continue;
                }

                var isLocalSettings = string.Equals(name, LocalSettingsFileName, StringComparison.OrdinalIgnoreCase);
                foreach (var pair in pairs)
                {
                    var key = pair.Key;
                    if (isLocalSettings)
                    {
                        // Only Values reach the app; the rest configures the Functions host.
                        if (!key.StartsWith("Values:", StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }

                        key = key.Substring("Values:".Length);
                    }

                    var value = new ConfiguredValue(key.Replace("__", ":"), pair.Value, name);
                    Add(values, Normalize(key), value);

                    // An element of a list (Hooks:0, Targets:1:Url) is also found as any element (Hooks:*, Targets:*:Url).
                    if (AnyElement(value.Key) is { } anyElement)
                    {
                        Add(values, Normalize(anyElement), value);
                    }
                }
            }

            return new AppSettings(values, problems.ToImmutable(), hasFiles: true);
        }

        private static void Add(Dictionary<string, List<ConfiguredValue>> values, string normalized, ConfiguredValue value)
        {
            if (!values.TryGetValue(normalized, out var list))
            {
                values[normalized] = list = new List<ConfiguredValue>();
            }

            list.Add(value);
        }

        // The key with each index segment (a list's element) replaced by "*", or null when it has none.
        private static string? AnyElement(string key)
        {
            var segments = key.Split(':');
            var replaced = false;
            for (var i = 1; i < segments.Length; i++)
            {
                if (segments[i].Length > 0 && IsDigits(segments[i]))
                {
                    segments[i] = UrlSources.AnyElement;
                    replaced = true;
                }
            }

            return replaced ? string.Join(":", segments) : null;
        }

        private static bool IsDigits(string text)
        {
            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        // A:B, a:b and A__B (the environment-variable spelling) are the same key.
        private static string Normalize(string key) => key.Replace("__", ":").ToUpperInvariant();

        private static int Order(string path)
        {
            var name = Path.GetFileName(path);
            return string.Equals(name, "appsettings.json", StringComparison.OrdinalIgnoreCase) ? 0
                : string.Equals(name, LocalSettingsFileName, StringComparison.OrdinalIgnoreCase) ? 2
                : 1;
        }

        private static Location At(AdditionalText file, SourceText text, SettingsFormatException exception)
        {
            var line = Math.Min(Math.Max(exception.Line - 1, 0), Math.Max(text.Lines.Count - 1, 0));
            if (text.Lines.Count == 0)
            {
                return Location.None;
            }

            var textLine = text.Lines[line];
            var start = Math.Min(textLine.Start + Math.Max(exception.Column - 1, 0), textLine.End);
            var span = new TextSpan(start, Math.Min(1, textLine.End - start));
            return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
