using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Presence.Audit.Model;

/// <summary>
/// The publishing map of a solution, as <c>--format json</c> writes it (documented in docs/audit.md). Stable: fields
/// are only ever added; ids are built from symbols, not line numbers, so a baseline survives unrelated edits. File
/// paths are relative to the folder of the solution or project audited, with forward slashes.
/// </summary>
public sealed class PublishingMap
{
    /// <summary>The version of this model; a breaking change would increase it.</summary>
    public int SchemaVersion { get; init; } = 1;

    public string Tool { get; init; } = "presence";

    public string ToolVersion { get; init; } = "";

    /// <summary>The solution or project audited, relative to the working folder when it is inside it.</summary>
    public string Target { get; init; } = "";

    public string Configuration { get; init; } = "Debug";

    public List<ProjectInfo> Projects { get; init; } = [];

    public Summary Summary { get; set; } = new();

    public List<SiteInfo> Sites { get; init; } = [];

    public List<EntryPointInfo> EntryPoints { get; init; } = [];

    public List<PathInfo> Paths { get; init; } = [];

    /// <summary>Sends whose destination the analyzers could not resolve (PRES011).</summary>
    public List<DiagnosticInfo> UnresolvedSends { get; init; } = [];

    /// <summary>Every Presence diagnostic of every project, with the severity the project's configuration gives it.</summary>
    public List<DiagnosticInfo> Diagnostics { get; init; } = [];

    /// <summary>
    /// Errors the compiler reported (at most the first 20 of a project): where a project does not compile, the map can
    /// miss sites, entry points and paths that are there, so it is incomplete.
    /// </summary>
    public List<DiagnosticInfo> CompileErrors { get; init; } = [];

    /// <summary>Projects with <see cref="CompileErrors"/>.</summary>
    [JsonIgnore]
    public bool IsIncomplete => CompileErrors.Count > 0;

    /// <summary>Set with <c>--baseline</c>: what changed since the baseline map.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BaselineChanges? Changes { get; set; }
}

public sealed class ProjectInfo
{
    public string Name { get; init; } = "";

    public string Path { get; init; } = "";

    /// <summary>default, strict, audit, or what the project sets.</summary>
    public string Enforcement { get; init; } = "default";

    /// <summary>True when the project references Presence.Analyzers itself (its builds report the same rules).</summary>
    public bool ReferencesAnalyzers { get; init; }
}

public sealed class Summary
{
    public int Sites { get; set; }

    public SortedDictionary<string, int> ByStatus { get; init; } = new(System.StringComparer.Ordinal);

    public SortedDictionary<string, int> ByPlatform { get; init; } = new(System.StringComparer.Ordinal);

    public int EntryPoints { get; set; }

    public int UnattendedPaths { get; set; }

    public int UnresolvedSends { get; set; }
}

/// <summary>One place in the code that publishes.</summary>
public sealed class SiteInfo
{
    /// <summary>"Project|containing member's documentation id|api|n", n counting the same api in the same member.</summary>
    public string Id { get; init; } = "";

    public string Project { get; init; } = "";

    /// <summary>Mastodon, X, Slack, …; "(unspecified)" when the API does not say.</summary>
    public string Platform { get; set; } = "";

    /// <summary><see cref="SiteKinds"/>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The API called, as "Type.Method".</summary>
    public string Api { get; init; } = "";

    /// <summary>The catalog's or the user's note, or the endpoint requested (configured URLs: key and host only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }

    /// <summary><see cref="SiteStatuses"/>.</summary>
    public string Status { get; set; } = "";

    /// <summary>The [AutomatedPresence] justification or the [InternalAudience] description.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Justification { get; init; }

    /// <summary>The member that contains the call, as "Type.Method".</summary>
    public string Member { get; init; } = "";

    public string File { get; init; } = "";

    public int Line { get; init; }

    public int Column { get; init; }

    /// <summary>Rules reported at this call (PRES001, PRES004, …).</summary>
    public List<string> Rules { get; init; } = [];
}

public static class SiteKinds
{
    public const string Sdk = "sdk";
    public const string HttpEndpoint = "http-endpoint";
    public const string ConfiguredWebhook = "configured-webhook";
    public const string DeclaredApi = "declared-api";
    public const string RequiresApproval = "requires-approval";
    public const string Gate = "gate";
}

public static class SiteStatuses
{
    /// <summary>A person confirmed on every path to the call.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Through a generated approval gate, with an Approved&lt;T&gt; token.</summary>
    public const string Gated = "gated";

    /// <summary>Under [AutomatedPresence]: a reviewed exception, with its justification.</summary>
    public const string Justified = "justified";

    /// <summary>Sends only to the team or reviewers ([InternalAudience]).</summary>
    public const string Internal = "internal-audience";

    /// <summary>Inside a [RequiresHumanApproval] member: its callers confirm (their calls are sites of kind requires-approval).</summary>
    public const string CallersConfirm = "callers-confirm";

    /// <summary>No confirmation guards it, and no unattended entry point reaches it.</summary>
    public const string Unconfirmed = "unconfirmed";

    /// <summary>An unattended entry point, or an incoming-message handler, reaches it on a path with no confirmation.</summary>
    public const string Unattended = "unattended";

    /// <summary>In the order the reports list them, worst first.</summary>
    public static readonly string[] Ordered = [Unattended, Unconfirmed, CallersConfirm, Internal, Justified, Gated, Confirmed];
}

/// <summary>Code that runs with nobody deciding.</summary>
public sealed class EntryPointInfo
{
    /// <summary>"Project|documentation id" (a lambda: "Project|container's id|lambda n").</summary>
    public string Id { get; init; } = "";

    public string Project { get; init; } = "";

    /// <summary>"unattended" or "incoming-message".</summary>
    public string Kind { get; init; } = "";

    /// <summary>"hosted service", "Quartz job", "timer callback", …</summary>
    public string Reason { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>How often it runs, where the code states it (a delay, a period, a cron expression).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schedule { get; init; }

    /// <summary>The route of a webhook endpoint, where the code states it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Route { get; init; }

    public string File { get; init; } = "";

    public int Line { get; init; }
}

/// <summary>A path with no confirmation from an entry point to a publish site, possibly across projects.</summary>
public sealed class PathInfo
{
    /// <summary>The entry point's id, the members passed through, and the site's id: no line numbers.</summary>
    public string Id { get; init; } = "";

    public string EntryPoint { get; init; } = "";

    public string Site { get; init; } = "";

    /// <summary>"unattended" (PRES002) or "incoming-message" (PRES003).</summary>
    public string Kind { get; init; } = "";

    /// <summary>The functions on the path, entry point first, each with the call it makes to the next (the last one: the publish call).</summary>
    public List<PathStep> Steps { get; init; } = [];

    /// <summary>"DailyTipJob.ExecuteAsync → TipPoster.PostTipAsync → IMastodonPublisher.PublishStatusAsync".</summary>
    public string Describe { get; init; } = "";
}

public sealed class PathStep
{
    public string Function { get; init; } = "";

    /// <summary>Id of the function ("Project|documentation id").</summary>
    public string FunctionId { get; init; } = "";

    public string Project { get; init; } = "";

    /// <summary>Where this function makes the call to the next step.</summary>
    public string File { get; init; } = "";

    public int Line { get; init; }

    public int Column { get; init; }
}

public sealed class DiagnosticInfo
{
    public string Id { get; init; } = "";

    public string Severity { get; init; } = "";

    public string Project { get; init; } = "";

    public string File { get; init; } = "";

    public int Line { get; init; }

    public int Column { get; init; }

    public string Message { get; init; } = "";
}

/// <summary>What changed since the baseline, matched by ids.</summary>
public sealed class BaselineChanges
{
    public List<SiteInfo> AddedSites { get; init; } = [];

    public List<SiteInfo> RemovedSites { get; init; } = [];

    /// <summary>Sites present in both whose status changed (e.g. confirmed → unattended).</summary>
    public List<StatusChange> ChangedSites { get; init; } = [];

    public List<PathInfo> AddedPaths { get; init; } = [];

    public List<PathInfo> RemovedPaths { get; init; } = [];

    /// <summary>
    /// Projects that do not compile in this run, whose publish sites and the paths through them were not compared with
    /// the baseline: they are listed neither as added nor as removed.
    /// </summary>
    public List<string> NotCompared { get; init; } = [];
}

public sealed class StatusChange
{
    public string Site { get; init; } = "";

    public string Before { get; init; } = "";

    public string After { get; init; } = "";
}
