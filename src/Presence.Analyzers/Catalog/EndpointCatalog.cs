using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace Presence.Analyzers.Catalog
{
    /// <summary>An HTTP endpoint whose requests publish (Catalog/PublishEndpoints.txt).</summary>
    internal sealed class EndpointEntry
    {
        public EndpointEntry(string platform, PublishCategory category, ImmutableArray<string> methods, ImmutableArray<string> hosts, ImmutableArray<string> path, bool relative, string? note, int line)
            : this(platform, category, methods, hosts, path, relative, note, line, ImmutableArray<ImmutableArray<string>>.Empty)
        {
        }

        public EndpointEntry(string platform, PublishCategory category, ImmutableArray<string> methods, ImmutableArray<string> hosts, ImmutableArray<string> path, bool relative, string? note, int line, ImmutableArray<ImmutableArray<string>> except)
        {
            // '$' is a wildcard whose text is a credential: it matches as '*' does, and is never shown.
            Secret = path.Any(segment => segment.IndexOf('$') >= 0) ? path : ImmutableArray<string>.Empty;
            path = Secret.IsEmpty ? path : path.Select(segment => segment.Replace('$', '*')).ToImmutableArray();
            Except = except;
            Platform = platform;
            Category = category;
            Methods = methods;
            Hosts = hosts;
            Path = path;
            Relative = relative;
            Note = note;
            Line = line;
        }

        public string Platform { get; }

        public PublishCategory Category { get; }

        /// <summary>Upper-case HTTP methods; "*" for any.</summary>
        public ImmutableArray<string> Methods { get; }

        /// <summary>Host names; "*" any host, "*.example.com" any subdomain, "?" only an unknown host.</summary>
        public ImmutableArray<string> Hosts { get; }

        public ImmutableArray<string> Path { get; }

        /// <summary>The path pattern as written, with '$' for the parts that are a credential; empty when none is.</summary>
        public ImmutableArray<string> Secret { get; }

        /// <summary>Paths the pattern covers that do not publish (Telegram's sendChatAction under send*).</summary>
        public ImmutableArray<ImmutableArray<string>> Except { get; }

        public bool Relative { get; }

        public string? Note { get; }

        public int Line { get; }

        public string Display => string.Join(",", Methods) + " " + string.Join(",", Hosts) + " /" + string.Join("/", Path);

        /// <summary>True when <paramref name="display"/> (a <see cref="Display"/>) is of an entry matching only an unknown host.</summary>
        public static bool IsForUnknownHost(string display)
        {
            var start = display.IndexOf(' ') + 1;
            return start > 0 && string.CompareOrdinal(display, start, "? ", 0, 2) == 0;
        }
    }

    /// <summary>Matches what the compiler can see of a request (method and URL) against the endpoint catalog.</summary>
    internal static class EndpointCatalog
    {
        private static readonly Lazy<ImmutableArray<EndpointEntry>> LazyEntries
            = new Lazy<ImmutableArray<EndpointEntry>>(() => Parse(BuiltInCatalog.ReadResource("PublishEndpoints.txt")));

        public static ImmutableArray<EndpointEntry> Entries => LazyEntries.Value;

        /// <summary>The endpoint a request to <paramref name="url"/> with <paramref name="method"/> reaches, or null.</summary>
        public static EndpointEntry? Match(string method, RequestUrl url)
        {
            foreach (var entry in Entries)
            {
                if (MatchesMethod(entry, method) && MatchesHost(entry, url) && MatchesPath(entry.Path, 0, url.Path, 0) && !IsExcepted(entry, url))
                {
                    return entry;
                }
            }

            return null;
        }

        private static bool IsExcepted(EndpointEntry entry, RequestUrl url)
        {
            foreach (var except in entry.Except)
            {
                if (MatchesPath(except, 0, url.Path, 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MatchesMethod(EndpointEntry entry, string method)
            => entry.Methods.Contains("*") || entry.Methods.Contains(method);

        private static bool MatchesHost(EndpointEntry entry, RequestUrl url)
        {
            if (url.Host is null)
            {
                return entry.Relative || entry.Hosts.Contains("?");
            }

            foreach (var host in entry.Hosts)
            {
                if (host == "*" || string.Equals(host, url.Host, StringComparison.OrdinalIgnoreCase)
                    || (host.StartsWith("*.", StringComparison.Ordinal) && url.Host.EndsWith(host.Substring(1), StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }

            return false;
        }

        // Pattern segments may hold '*' (any text within a segment) or be '**' (any number of segments). A URL
        // segment the compiler cannot see (RequestUrl.Unknown) matches only a wildcard: a path hidden in a variable
        // is not assumed to be a publish endpoint.
        private static bool MatchesPath(ImmutableArray<string> pattern, int p, ImmutableArray<string> path, int s)
        {
            while (true)
            {
                if (p == pattern.Length)
                {
                    return s == path.Length;
                }

                if (pattern[p] == "**")
                {
                    for (var skip = s; skip <= path.Length; skip++)
                    {
                        if (MatchesPath(pattern, p + 1, path, skip))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (s == path.Length || !MatchesSegment(pattern[p], path[s]))
                {
                    return false;
                }

                p++;
                s++;
            }
        }

        /// <summary>
        /// <paramref name="path"/> as it may be shown, or null when <paramref name="entry"/> does not match it: the
        /// text a '$' of the pattern matched reads '…' (a '$$' stands for any number of segments and reads as one
        /// '…'); a dropped segment is null.
        /// </summary>
        public static string?[]? Shown(EndpointEntry entry, ImmutableArray<string> path)
        {
            var shown = path.Select(segment => (string?)segment).ToArray();
            return entry.Secret.IsEmpty || Hide(entry.Secret, 0, path, 0, shown) ? shown : null;
        }

        private static bool Hide(ImmutableArray<string> pattern, int p, ImmutableArray<string> path, int s, string?[] shown)
        {
            if (p == pattern.Length)
            {
                return s == path.Length;
            }

            var segment = pattern[p];
            if (segment is "**" or "$$")
            {
                for (var skip = s; skip <= path.Length; skip++)
                {
                    if (Hide(pattern, p + 1, path, skip, shown))
                    {
                        for (var i = s; segment == "$$" && i < skip; i++)
                        {
                            shown[i] = i == s ? "…" : null;
                        }

                        return true;
                    }
                }

                return false;
            }

            var wildcard = segment.Replace('$', '*');
            if (s == path.Length || !MatchesSegment(wildcard, path[s]) || !Hide(pattern, p + 1, path, s + 1, shown))
            {
                return false;
            }

            var secret = segment.IndexOf('$');
            if (secret >= 0)
            {
                var head = segment.Substring(0, secret);
                var tail = segment.Substring(secret + 1);
                var text = path[s];
                shown[s] = text.Length >= head.Length + tail.Length && text.IndexOf(RequestUrl.Unknown) < 0
                    ? text.Substring(0, head.Length) + "…" + text.Substring(text.Length - tail.Length)
                    : head + "…";
            }

            return true;
        }

        private static bool MatchesSegment(string pattern, string segment)
        {
            if (segment.IndexOf(RequestUrl.Unknown) >= 0)
            {
                // Only the wildcard parts of the pattern may stand for what the compiler cannot see.
                var prefix = pattern.IndexOf('*');
                if (prefix < 0)
                {
                    return false;
                }

                return segment.StartsWith(pattern.Substring(0, prefix), StringComparison.OrdinalIgnoreCase);
            }

            var star = pattern.IndexOf('*');
            if (star < 0)
            {
                return string.Equals(pattern, segment, StringComparison.OrdinalIgnoreCase);
            }

            var head = pattern.Substring(0, star);
            var tail = pattern.Substring(star + 1);
            return segment.Length >= head.Length + tail.Length
                   && segment.StartsWith(head, StringComparison.OrdinalIgnoreCase)
                   && segment.EndsWith(tail, StringComparison.OrdinalIgnoreCase);
        }

        public static ImmutableArray<EndpointEntry> Parse(string text)
        {
            var entries = ImmutableArray.CreateBuilder<EndpointEntry>();
            string? platform = null;
            var category = PublishCategory.Social;
            var lineNumber = 0;
            using var reader = new StringReader(text);
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                lineNumber++;
                var hash = line.IndexOf('#');
                var content = (hash >= 0 ? line.Substring(0, hash) : line).Trim();
                if (content.Length == 0)
                {
                    continue;
                }

                if (content.StartsWith("platform:", StringComparison.Ordinal))
                {
                    platform = content.Substring("platform:".Length).Trim();
                    continue;
                }

                if (content.StartsWith("category:", StringComparison.Ordinal))
                {
                    category = (PublishCategory)Enum.Parse(typeof(PublishCategory), content.Substring("category:".Length).Trim(), ignoreCase: true);
                    continue;
                }

                string? note = null;
                var semicolon = content.IndexOf(';');
                if (semicolon >= 0)
                {
                    note = content.Substring(semicolon + 1).Trim();
                    content = content.Substring(0, semicolon).Trim();
                }

                var except = ImmutableArray<ImmutableArray<string>>.Empty;
                var exceptAt = content.IndexOf(" except ", StringComparison.Ordinal);
                if (exceptAt >= 0)
                {
                    except = content.Substring(exceptAt + " except ".Length).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                        .Select(path => RequestUrl.Segments(path.Trim().Replace('$', '*'))).ToImmutableArray();
                    content = content.Substring(0, exceptAt).Trim();
                }

                var fields = content.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (platform is null || fields.Length is < 3 or > 4 || (fields.Length == 4 && fields[3] != "relative"))
                {
                    throw new FormatException($"PublishEndpoints.txt({lineNumber}): expected '<methods> <hosts> <path> [relative] [except <path>,…]' after a platform: directive");
                }

                entries.Add(new EndpointEntry(
                    platform,
                    category,
                    fields[0].ToUpperInvariant().Split(',').ToImmutableArray(),
                    fields[1].Split(',').ToImmutableArray(),
                    RequestUrl.Segments(fields[2]),
                    fields.Length == 4,
                    note,
                    lineNumber,
                    except));
            }

            return entries.ToImmutable();
        }
    }

    /// <summary>
    /// What the compiler can see of a request URL: the host when it is known, and the path segments, where
    /// <see cref="Unknown"/> stands for any part computed at run time.
    /// </summary>
    internal sealed class RequestUrl
    {
        public const char Unknown = '\u0001';

        private RequestUrl(string? host, ImmutableArray<string> path)
        {
            Host = host;
            Path = path;
        }

        /// <summary>The host, or null when the URL is relative or its start is computed at run time.</summary>
        public string? Host { get; }

        public ImmutableArray<string> Path { get; }

        /// <summary>Reads a URL text in which <see cref="Unknown"/> marks parts computed at run time.</summary>
        public static RequestUrl? Parse(string text)
        {
            var query = text.IndexOfAny(new[] { '?', '#' });
            if (query >= 0)
            {
                text = text.Substring(0, query);
            }

            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                var hostStart = scheme + 3;
                var pathStart = text.IndexOf('/', hostStart);
                var host = pathStart < 0 ? text.Substring(hostStart) : text.Substring(hostStart, pathStart - hostStart);
                var port = host.IndexOf(':');
                if (port >= 0)
                {
                    host = host.Substring(0, port);
                }

                if (host.Length == 0)
                {
                    return null;
                }

                return new RequestUrl(host.IndexOf(Unknown) >= 0 ? null : host, pathStart < 0 ? ImmutableArray<string>.Empty : Segments(text.Substring(pathStart)));
            }

            // A URL that starts with a run-time part: its base is unknown, only the rest can be read.
            if (text.Length > 0 && text[0] == Unknown)
            {
                var firstSlash = text.IndexOf('/');
                return firstSlash < 0 ? null : new RequestUrl(null, Segments(text.Substring(firstSlash)));
            }

            return new RequestUrl(null, Segments(text));
        }

        /// <summary>A base address combined with a relative reference, the way HttpClient does it.</summary>
        public static string Combine(string baseAddress, string relative)
        {
            if (relative.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                return relative;
            }

            // An empty or null request URI is the base address itself (a client configured with the whole webhook URL).
            if (relative.Length == 0)
            {
                return baseAddress;
            }

            if (relative.StartsWith("/", StringComparison.Ordinal))
            {
                var scheme = baseAddress.IndexOf("://", StringComparison.Ordinal);
                var pathStart = scheme < 0 ? -1 : baseAddress.IndexOf('/', scheme + 3);
                return (pathStart < 0 ? baseAddress : baseAddress.Substring(0, pathStart)) + relative;
            }

            var lastSlash = baseAddress.LastIndexOf('/');
            var schemeEnd = baseAddress.IndexOf("://", StringComparison.Ordinal);
            return lastSlash > schemeEnd + 2 ? baseAddress.Substring(0, lastSlash + 1) + relative : baseAddress + "/" + relative;
        }

        public static ImmutableArray<string> Segments(string path)
            => path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
    }
}
