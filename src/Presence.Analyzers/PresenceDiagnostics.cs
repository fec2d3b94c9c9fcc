using Microsoft.CodeAnalysis;

namespace Presence.Analyzers
{
    /// <summary>The rule ids; fixed, part of the public contract.</summary>
    internal static class RuleIds
    {
        public const string UnconfirmedPublish = "PRES001";
        public const string UnattendedPublish = "PRES002";
        public const string AutomatedReply = "PRES003";
        public const string ConfirmationIgnored = "PRES004";
        public const string RubberStampConfirmation = "PRES005";
        public const string ApprovalDoesNotCoverContent = "PRES006";
        public const string ApprovalKeptForLater = "PRES007";
        public const string MachineWrittenUnreviewed = "PRES008";
        public const string AutomatedPresenceWithoutJustification = "PRES010";
        public const string UnresolvedSend = "PRES011";
        public const string InternalAudienceWithoutDescription = "PRES012";
        public const string InvalidEnforcementSetting = "PRES100";
        public const string UnreadableConfirmationResult = "PRES101";
        public const string MalformedDeclaredApi = "PRES102";
        public const string UnresolvedDeclaredApi = "PRES103";
        public const string ApprovalRequirementMismatch = "PRES104";
        public const string ApprovalRequiredOnUnattendedEntryPoint = "PRES105";
        public const string GateBypassed = "PRES009";
        public const string UngatedMember = "PRES106";
        public const string LibraryWithoutPresence = "PRES107";
        public const string UnreadableSettingsFile = "PRES108";
    }

    /// <summary>Every descriptor, built one way: same category scheme, help link computed from the id.</summary>
    internal static class PresenceDiagnostics
    {
        private const string Category = "Presence";
        private const string ConfigurationCategory = "Presence.Configuration";
        internal const string HelpLinkBase = "https://github.com/presence-analyzers/Presence.Analyzers/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor UnconfirmedPublish = Create(
            RuleIds.UnconfirmedPublish,
            "Content is published without a human confirmation guarding it",
            "{0} without a person confirming it: publish only where a positive [HumanConfirmation] answer guards the call, declare [RequiresHumanApproval] on '{1}' so that its callers confirm, or mark a reviewed exception with [AutomatedPresence(\"why\")]",
            Category,
            DiagnosticSeverity.Warning,
            "Every path to a publish call must pass through a positive answer of a human confirmation, so that nothing goes out unless a person said yes to it.");

        /// <summary>
        /// Set on a PRES001 reported where no caller can confirm: fixes that move the requirement to the callers are
        /// not offered there. A property, because diagnostics crossing to the IDE keep their properties, not their descriptor.
        /// </summary>
        public const string NoCallerCanConfirm = "NoCallerCanConfirm";

        /// <summary>
        /// The same rule where no caller can confirm (the top-level program, Main, a constructor, an initializer, an
        /// entry point): advice that can be followed there, never [RequiresHumanApproval].
        /// </summary>
        public static readonly DiagnosticDescriptor UnconfirmedPublishWithoutCallers = Create(
            RuleIds.UnconfirmedPublish,
            "Content is published without a human confirmation guarding it",
            "{0} without a person confirming it in {1}: publish only where a positive [HumanConfirmation] answer guards the call, publish through a generated approval gate ([GeneratePublisherGate], see docs/gates.md), or mark a reviewed exception with [AutomatedPresence(\"why\")]",
            Category,
            DiagnosticSeverity.Warning,
            "Every path to a publish call must pass through a positive answer of a human confirmation, so that nothing goes out unless a person said yes to it.");

        /// <summary>PRES001 in a property's accessor: [RequiresHumanApproval] goes on methods, so the property becomes one.</summary>
        public static readonly DiagnosticDescriptor UnconfirmedPublishInProperty = Create(
            RuleIds.UnconfirmedPublish,
            "Content is published without a human confirmation guarding it",
            "{0} without a person confirming it in the property '{1}': publish only where a positive [HumanConfirmation] answer guards the call, turn '{1}' into a method and declare [RequiresHumanApproval] on it so that its callers confirm, or mark a reviewed exception with [AutomatedPresence(\"why\")] on the property",
            Category,
            DiagnosticSeverity.Warning,
            "Every path to a publish call must pass through a positive answer of a human confirmation, so that nothing goes out unless a person said yes to it.");

        public static readonly DiagnosticDescriptor UnattendedPublish = Create(
            RuleIds.UnattendedPublish,
            "Unattended code path publishes without human confirmation",
            "{0} runs with nobody present and publishes without a person confirming it: {1}. Let a person approve it first (a [HumanConfirmation] on the path, a recorded approval redeemed at publish time, or a generated approval gate; see docs/gates.md), or mark a reviewed exception with [AutomatedPresence(\"why\")].",
            Category,
            DiagnosticSeverity.Error,
            "Schedulers, timers, hosted services and job runners run with nobody deciding; what they publish must carry a person's approval, or be a justified, reviewed exception.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor AutomatedReply = Create(
            RuleIds.AutomatedReply,
            "Automated reply: an incoming-message handler publishes without confirmation",
            "{0} answers incoming messages and publishes with nobody there: {1}. Let a person approve the reply, or mark a disclosed bot with [AutomatedPresence(\"why\")].",
            Category,
            DiagnosticSeverity.Warning,
            "A reply that nobody wrote or approved answers people as if someone were there.",
            WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>
        /// PRES003 for an HTTP endpoint anyone may call (anonymous, or a function key): a person's tool as often as a
        /// machine's, so the advice is to sign its callers in or have a person approve, not to approve a reply.
        /// </summary>
        public static readonly DiagnosticDescriptor AutomatedAnswerToRequest = Create(
            RuleIds.AutomatedReply,
            "Automated reply: an incoming-message handler publishes without confirmation",
            "{0} publishes for whoever calls it, with no signed-in person and nobody confirming: {1}. If people call it, require a signed-in user (their action is then checked where it publishes); otherwise let a person approve what goes out first (a [HumanConfirmation] that checks who asks and what they reviewed, or a recorded approval redeemed at publish time), or mark a disclosed bot with [AutomatedPresence(\"why\")].",
            Category,
            DiagnosticSeverity.Warning,
            "A reply that nobody wrote or approved answers people as if someone were there.",
            WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>
        /// PRES003 for a handler that publishes on a button press or a reaction: nothing is a reply there, and the press is
        /// someone's decision, so the advice is to record it in the ledger and publish what redeems it.
        /// </summary>
        public static readonly DiagnosticDescriptor AutomatedPublishOnPress = Create(
            RuleIds.AutomatedReply,
            "Automated reply: an incoming-message handler publishes without confirmation",
            "{0} publishes when someone presses a button or reacts, with no recorded approval of what goes out: {1}. Record the press as that person's decision (ApprovalLedger.DecideAsync with the presser as reviewer) and publish only what redeems the approval, or mark a disclosed bot with [AutomatedPresence(\"why\")].",
            Category,
            DiagnosticSeverity.Warning,
            "A press that publishes at once skips who may decide, on exactly which text, and the publishing hold; a decision recorded and redeemed at publish time checks them.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor ConfirmationIgnored = Create(
            RuleIds.ConfirmationIgnored,
            "Confirmation result is ignored or not checked before publishing",
            "{0} although the answer of '{1}' does not guard it: {2}",
            Category,
            DiagnosticSeverity.Warning,
            "A person was asked, but the code publishes whatever they answered: the result was discarded, or the check does not lead to the publish call.");

        public static readonly DiagnosticDescriptor RubberStampConfirmation = Create(
            RuleIds.RubberStampConfirmation,
            "Rubber-stamp confirmation: a confirmation that approves without asking anyone",
            "'{0}' is a confirmation that cannot say no: it {1}; ask a person (a prompt, a review queue, a recorded decision) and return their answer",
            Category,
            DiagnosticSeverity.Error,
            "A [HumanConfirmation] that approves on every path turns every guard it protects into a formality; the analyzers would trust it, so it is an error.");

        /// <summary>PRES005 for a confirmation that can say no, but says yes when nobody answers (a timeout, a cancellation, no answer).</summary>
        public static readonly DiagnosticDescriptor SilenceTakenAsApproval = Create(
            RuleIds.RubberStampConfirmation,
            "Rubber-stamp confirmation: a confirmation that approves without asking anyone",
            "'{0}' is a confirmation that approves when nobody answers: it {1}. Silence is not a person's yes: answer no (or throw) when nobody answered in time, and ask again later.",
            Category,
            DiagnosticSeverity.Error,
            "A confirmation that says yes when the wait for an answer times out or is cancelled publishes whenever nobody is there, which is exactly when a person should have been.");

        /// <summary>PRES005 at a ledger decision the code records itself: an approval in the name of a reviewer written into the code.</summary>
        public static readonly DiagnosticDescriptor ApprovalRecordedByCode = Create(
            RuleIds.RubberStampConfirmation,
            "Rubber-stamp confirmation: a confirmation that approves without asking anyone",
            "This records an approval in the name of '{0}', a reviewer written into the code: no person decided. Record the decision of the person who approved (the signed-in user, the user who pressed the button); for deliberate automation, publish without the ledger and mark it [AutomatedPresence(\"why\")].",
            Category,
            DiagnosticSeverity.Error,
            "A redeemed approval is trusted as a person's decision; one the code records itself, under a fixed name, turns the ledger into a rubber stamp and its audit trail into a false record.");

        /// <summary>PRES005 at a ledger approval an endpoint anyone may call records in the name its request gives (an "approve by e-mail link").</summary>
        public static readonly DiagnosticDescriptor ApprovalRecordedFromRequest = Create(
            RuleIds.RubberStampConfirmation,
            "Rubber-stamp confirmation: a confirmation that approves without asking anyone",
            "This records an approval in the name of {0}, a reviewer taken from the request to the {1} endpoint, not from a signed-in person: whoever holds or guesses the link approves under any name. Require authorization (RequireAuthorization() or [Authorize]) and take the reviewer from the signed-in user (User.Identity.Name), or redeem a signed one-time token (IDataProtector.Unprotect) that names the reviewer.",
            Category,
            DiagnosticSeverity.Error,
            "A redeemed approval is trusted as a person's decision; an endpoint anyone may call that records one under the name its caller gives lets a stranger, or a link forwarded by mistake, approve a post in a reviewer's name.");

        public static readonly DiagnosticDescriptor ApprovalKeptForLater = Create(
            RuleIds.ApprovalKeptForLater,
            "Approval kept for later publishing without freshness or hold checks",
            "{0} keeps an Approved<{1}> for later: redeem the recorded decision through the ledger at publish time instead (keep the request id), so that expiry, single use and the publishing hold are checked when the post goes out",
            Category,
            DiagnosticSeverity.Warning,
            "An approval token kept in a field, a collection or a serialized form outlives the moment it was checked; the world may have changed by the time it is used.");

        /// <summary>PRES007 where a confirmation is kept across a wait of hours or days before the publish (reported by the publish-flow analyzer).</summary>
        public static readonly DiagnosticDescriptor ApprovalStaleAfterWait = Create(
            RuleIds.ApprovalKeptForLater,
            "Approval kept for later publishing without freshness or hold checks",
            "{0} after waiting ({1}): a yes given before the wait is stale when the post goes out; ask after the wait, or redeem the recorded approval at publish time so that expiry and the publishing hold are checked then",
            Category,
            DiagnosticSeverity.Warning,
            "A person's yes holds for the moment it was given; code that waits hours or days after it and then publishes relies on a decision the world may have overtaken.");

        public static readonly DiagnosticDescriptor ApprovalDoesNotCoverContent = Create(
            RuleIds.ApprovalDoesNotCoverContent,
            "Approval does not cover what is published",
            "{0}, but {1}: ask again for exactly the content that goes out, after its last change",
            Category,
            DiagnosticSeverity.Warning,
            "A person approves one piece of content: a different variable, the same variable changed after the approval, or every item of a loop after one approval goes out without that person having seen it.");

        /// <summary>PRES006 where nobody can be asked again: an unattended job, or a redeem of an approval recorded earlier.</summary>
        public static readonly DiagnosticDescriptor ApprovalDoesNotCoverContentUnattended = Create(
            RuleIds.ApprovalDoesNotCoverContent,
            "Approval does not cover what is published",
            "{0}, but {1}: nobody is asked here, so publish only content whose approval is redeemed here, after its last change (submit the final content for review and redeem that request)",
            Category,
            DiagnosticSeverity.Warning,
            "A person approves one piece of content: a different variable, the same variable changed after the approval, or every item of a loop after one approval goes out without that person having seen it.");

        /// <summary>
        /// PRES006 in a method a job expression runs and other code calls too: nobody can be asked when the job runs it,
        /// and a redeemed approval serves the other callers as well.
        /// </summary>
        public static readonly DiagnosticDescriptor ApprovalDoesNotCoverContentAlsoInJob = Create(
            RuleIds.ApprovalDoesNotCoverContent,
            "Approval does not cover what is published",
            "{0}, but {1}: a background job runs this method too, where nobody can be asked, so publish only content whose approval is redeemed here, after its last change (submit the final content for review and redeem that request)",
            Category,
            DiagnosticSeverity.Warning,
            "A person approves one piece of content: a different variable, the same variable changed after the approval, or every item of a loop after one approval goes out without that person having seen it.");

        private const string MachineWrittenTitle = "Machine-written content published, or an AI agent given a publish tool, without human review";
        private const string MachineWrittenDescription = "Text a language model wrote must be read by a person before it is published in someone's name; an agent that can call a publish tool publishes without anyone reading.";

        public static readonly DiagnosticDescriptor MachineWrittenUnreviewed = Create(
            RuleIds.MachineWrittenUnreviewed,
            MachineWrittenTitle,
            "{0}: {1}",
            Category,
            DiagnosticSeverity.Warning,
            MachineWrittenDescription);

        /// <summary>The same rule for Semantic Kernel functions, decided once every type of the compilation is known.</summary>
        public static readonly DiagnosticDescriptor MachineWrittenUnreviewedAtEnd = Create(
            RuleIds.MachineWrittenUnreviewed,
            MachineWrittenTitle,
            "{0}: {1}",
            Category,
            DiagnosticSeverity.Warning,
            MachineWrittenDescription,
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor AutomatedPresenceWithoutJustification = Create(
            RuleIds.AutomatedPresenceWithoutJustification,
            "[AutomatedPresence] without a justification",
            "[AutomatedPresence] on '{0}' needs a justification: say why publishing here without a person is acceptable (for example \"disclosed bot account, status updates only\")",
            Category,
            DiagnosticSeverity.Error,
            "An exception to human confirmation is only acceptable when it is deliberate and reviewed; its justification is what reviewers and reports read.");

        public static readonly DiagnosticDescriptor UnresolvedSend = Create(
            RuleIds.UnresolvedSend,
            "Cannot tell whether this send publishes",
            "{0}, on the unattended path {1}: cannot tell whether this send publishes. If it does, add it to PresenceApis.txt or mark the type [PublishesContent]; if it only reaches the team, mark it [InternalAudience(\"who\")].",
            Category,
            DiagnosticSeverity.Info,
            "An unattended path writes to a URL the analyzers cannot resolve (computed at run time, or a setting with no value in the settings files): it may be a publish. Reported for information, so that the limit of what was checked is visible.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor InternalAudienceWithoutDescription = Create(
            RuleIds.InternalAudienceWithoutDescription,
            "[InternalAudience] without a description",
            "[InternalAudience] on '{0}' needs a description of who receives these sends (for example \"the editors' private review chat\")",
            Category,
            DiagnosticSeverity.Error,
            "Sends declared internal are not checked for a person's confirmation; who they reach is what reviewers and reports read, so it must be said.");

        public static readonly DiagnosticDescriptor UnreadableSettingsFile = Create(
            RuleIds.UnreadableSettingsFile,
            "A settings file cannot be read",
            "{0}: URLs configured in it are not resolved",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            "The analyzers read appsettings.json, appsettings.*.json and local.settings.json as the configuration system does (comments and trailing commas are legal) to find where configured URLs post; a file they cannot read resolves nothing.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor InvalidEnforcementSetting = Create(
            RuleIds.InvalidEnforcementSetting,
            "Invalid Presence configuration value",
            "{0} is '{1}', which is not {2}; {3}",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            "A misspelled PresenceEnforcement or .editorconfig value would silently keep the defaults; it is reported instead.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor UnreadableConfirmationResult = Create(
            RuleIds.UnreadableConfirmationResult,
            "The answer of a [HumanConfirmation] method cannot be read",
            "'{0}' is marked [HumanConfirmation] but its result type '{1}' does not say whether the person approved: {2}",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            "A confirmation must return bool, a decision object with a bool approval property, a nullable token, or nothing (throwing when denied), possibly wrapped in Task or ValueTask.");

        public static readonly DiagnosticDescriptor MalformedDeclaredApi = Create(
            RuleIds.MalformedDeclaredApi,
            "Malformed line in PresenceApis.txt",
            "{0}",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            "Each line of PresenceApis.txt declares one publish API as a documentation id (M: or T:), optionally followed by '; note'; '//' starts a comment. A line that cannot be read declares nothing.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor UnresolvedDeclaredApi = Create(
            RuleIds.UnresolvedDeclaredApi,
            "Declared publish API not found",
            "{0}: calls of it are not recognised as publishing",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            "A PresenceApis.txt entry that names nothing (a typo, a renamed method, a missing reference) silently protects nothing.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor ApprovalRequirementMismatch = Create(
            RuleIds.ApprovalRequirementMismatch,
            "Override or implementation disagrees on [RequiresHumanApproval]",
            "'{0}' {1} [RequiresHumanApproval] but '{2}', which it {3}, {4}: callers through one of them would not confirm",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            "A requirement must hold however a method is called: an override or interface implementation and the member it stands for must both declare [RequiresHumanApproval], or neither.");

        public static readonly DiagnosticDescriptor ApprovalRequiredOnUnattendedEntryPoint = Create(
            RuleIds.ApprovalRequiredOnUnattendedEntryPoint,
            "[RequiresHumanApproval] on an unattended entry point",
            "'{0}' is {1} and runs with nobody present, so nobody can approve what it publishes: remove [RequiresHumanApproval] and confirm inside it (redeem a recorded approval), or justify it with [AutomatedPresence(\"why\")]",
            ConfigurationCategory,
            DiagnosticSeverity.Error,
            "Declaring that callers confirm only moves the requirement to code that runs with nobody present.");

        // The parameters carry DiagnosticDescriptor's own names: the meta-analyzers (release tracking RS2000-RS2008,
        // RS1032/RS1033 wording, RS1037 CompilationEnd) read the arguments of a descriptor helper by those names.
        private static DiagnosticDescriptor Create(
            string id, string title, string messageFormat, string category, DiagnosticSeverity defaultSeverity, string description, params string[] customTags)
            => new DiagnosticDescriptor(
                id, title, messageFormat, category, defaultSeverity, isEnabledByDefault: true, description,
                helpLinkUri: HelpLinkBase + id + ".md", customTags);

        public static readonly DiagnosticDescriptor GateBypassed = Create(
            RuleIds.GateBypassed,
            "Gated publisher called directly, bypassing its generated approval gate",
            "'{0}' is called directly, bypassing the approval gate of '{1}': publish through '{2}', which takes the Approved<T> that only a person's recorded decision mints",
            Category,
            DiagnosticSeverity.Error,
            "Once a publisher interface is marked [GeneratePublisherGate], its generated gate is the only code that may call it: the gate spends a person's approval of exactly this content, and checks the publishing hold, before it publishes. A direct call publishes without any of that.");

        public static readonly DiagnosticDescriptor UngatedMember = Create(
            RuleIds.UngatedMember,
            "A publisher gate cannot cover this member",
            "'{0}' {1}: {2}",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            "The gate generator skips members it cannot gate safely (ref, out and in parameters, properties, events, static members, content it cannot fingerprint) rather than generate broken code; calls of a skipped member are not reported as bypassing the gate, so a skipped member is a way around it.");

        public static readonly DiagnosticDescriptor LibraryWithoutPresence = Create(
            RuleIds.LibraryWithoutPresence,
            "A referenced assembly that can publish was built without Presence",
            "{0} {1} a social SDK but {2} built without Presence.Analyzers, so paths through {3} are not followed: add the Presence.Analyzers package to {4} too (for a package you do not build, declare its publishing methods in PresenceApis.txt)",
            ConfigurationCategory,
            DiagnosticSeverity.Info,
            "An assembly built with Presence.Analyzers carries a summary of what its public methods publish, so unattended paths continue into it; an assembly built without it is opaque, and a job that calls it can post unattended with no error.",
            WellKnownDiagnosticTags.CompilationEnd);
    }
}
