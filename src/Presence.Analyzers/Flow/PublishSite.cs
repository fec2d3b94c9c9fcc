using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Flow
{
    /// <summary>A publish call (or a call into the compilation), with what held on the paths reaching it.</summary>
    internal sealed class PublishSite
    {
        public PublishSite(SyntaxNode syntax, PublishTarget target, IInvocationOperation? askedBy, IOperation? operation = null, bool guarded = false, ImmutableArray<ISymbol> changedSinceAsk = default, bool machineWritten = false, bool answerTaken = false, IInvocationOperation? staleAfter = null, bool automated = false, ImmutableArray<IParameterSymbol> machineParameters = default)
        {
            Syntax = syntax;
            Target = target;
            AskedBy = askedBy;
            Operation = operation;
            Guarded = guarded;
            ChangedSinceAsk = changedSinceAsk.IsDefault ? ImmutableArray<ISymbol>.Empty : changedSinceAsk;
            MachineWritten = machineWritten;
            AnswerTaken = answerTaken;
            StaleAfter = staleAfter;
            Automated = automated;
            MachineParameters = machineParameters.IsDefault ? ImmutableArray<IParameterSymbol>.Empty : machineParameters;
        }

        public SyntaxNode Syntax { get; }

        public PublishTarget Target { get; }

        /// <summary>
        /// The confirmation asked last, the same on every path to the call: for an unguarded call, the one whose answer
        /// does not guard it (PRES004); for a guarded call, the one that guards it (PRES006 compares what it covered).
        /// </summary>
        public IInvocationOperation? AskedBy { get; }

        /// <summary>The call as the control-flow graph has it, with its arguments; null when it was not analysed.</summary>
        public IOperation? Operation { get; }

        /// <summary>True when a positive confirmation happened on every path to the call.</summary>
        public bool Guarded { get; }

        /// <summary>Locals and parameters written on some path since <see cref="AskedBy"/> was asked.</summary>
        public ImmutableArray<ISymbol> ChangedSinceAsk { get; }

        /// <summary>True when an argument holds machine-written content that no confirmation followed (PRES008).</summary>
        public bool MachineWritten { get; }

        /// <summary>True when, on some path to the call, the positive answer of <see cref="AskedBy"/> was taken: the answer was checked, and this call lies outside what it guards.</summary>
        public bool AnswerTaken { get; }

        /// <summary>The wait of hours or days, on every unconfirmed path to the call, after which the confirmation before it is stale.</summary>
        public IInvocationOperation? StaleAfter { get; }

        /// <summary>
        /// True for a publish of machine-written text in a lambda or local function exempt only by [AutomatedPresence]:
        /// judged for PRES008 alone, and no step of any path.
        /// </summary>
        public bool Automated { get; }

        /// <summary>
        /// For a call into a method of the compilation or a library: the callee's parameters given machine-written content
        /// no confirmation followed (PRES008 when the callee publishes what they hold).
        /// </summary>
        public ImmutableArray<IParameterSymbol> MachineParameters { get; }
    }
}
