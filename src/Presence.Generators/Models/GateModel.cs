using Presence.Gates;
using Presence.Incremental;

namespace Presence.Generators.Models
{
    // Everything the writer needs, already rendered to text: no symbols, syntax, locations or compilations, so the
    // pipeline can compare models and skip the writer when nothing that matters changed.

    /// <summary>Whether the generated file may use nullable annotations, and whether the interface's context has them on.</summary>
    internal enum NullableMode
    {
        /// <summary>C# 7.3 or older: no <c>#nullable</c>, no annotations.</summary>
        Unavailable,

        /// <summary>The interface is declared with annotations off: <c>#nullable disable</c>, no annotations.</summary>
        Disabled,

        /// <summary>The interface is declared with annotations on: <c>#nullable enable</c>, annotations forwarded.</summary>
        Enabled,
    }

    /// <summary>How a gate method returns what the publisher returned.</summary>
    internal enum ReturnShape
    {
        Void,
        Value,
        Task,
        TaskOfT,
        ValueTask,
        ValueTaskOfT,
    }

    /// <summary>One gate: the class, its methods, the content types nested in it and the submit/redeem wrappers.</summary>
    internal sealed record GateModel(
        string HintName,
        string Namespace,
        string Accessibility,
        string Name,
        string TypeParameterList,
        EquatableArray<string> Constraints,
        string Type,
        string InterfaceType,
        NullableMode Nullable,
        string InnerField,
        string LedgerField,
        string? EachHelper,
        string EachTypeParameter,
        string ServicesClass,
        string DocumentationId,
        EquatableArray<string> Docs,
        EquatableArray<string> ConstructorDocs,
        EquatableArray<string> ServicesDocs,
        EquatableArray<GateMethodModel> Methods,
        EquatableArray<ContentTypeModel> ContentTypes,
        EquatableArray<WrapperModel> Wrappers);

    /// <summary>A parameter the gate method passes on unchanged: a <c>CancellationToken</c>.</summary>
    internal sealed record ParameterModel(string Name, string Type, string? Default);

    /// <summary>A gate method: spends the approval, then calls the interface method with the approved content.</summary>
    internal sealed record GateMethodModel(
        string Name,
        string Accessibility,
        string ReturnType,
        ReturnShape Return,
        string TypeParameterList,
        EquatableArray<string> Constraints,
        string ApprovalName,
        string ContentType,
        EquatableArray<ParameterModel> PassedOn,
        string LocalName,
        string Receiver,
        string Invoked,
        EquatableArray<string> Arguments,
        string AuditName,
        string? Obsolete,
        EquatableArray<string> Docs);

    /// <summary>A generated content type: the arguments of one interface method, with their fingerprint.</summary>
    internal sealed record ContentTypeModel(
        string Name,
        string TypeParameterList,
        EquatableArray<string> Constraints,
        string Kind,
        EquatableArray<string> TypeArguments,
        string PartsLocal,
        string ItemLambda,
        EquatableArray<ContentPropertyModel> Properties,
        EquatableArray<string> Docs,
        EquatableArray<string> ConstructorDocs,
        EquatableArray<string> FingerprintDocs);

    /// <summary>A property of a content type, set from the constructor parameter of the same argument.</summary>
    internal sealed record ContentPropertyModel(
        string Name,
        string ParameterName,
        string Type,
        string? Default,
        PartKind Kind,
        bool IsNullableValue,
        string? ElementType,
        PartKind ElementKind,
        bool ElementIsNullableValue,
        EquatableArray<string> Docs);

    /// <summary>The typed <c>Submit{Stem}Async</c> / <c>Redeem{Stem}Async</c> pair for one content type.</summary>
    internal sealed record WrapperModel(
        string SubmitName,
        string RedeemName,
        string TypeParameterList,
        EquatableArray<string> Constraints,
        string ContentType,
        EquatableArray<string> SubmitDocs,
        EquatableArray<string> RedeemDocs);
}
