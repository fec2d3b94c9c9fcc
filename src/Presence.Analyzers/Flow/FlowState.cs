using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Presence.Analyzers.Flow
{
    /// <summary>
    /// The facts that hold at a program point on every path reaching it (a must-analysis: paths meet by
    /// intersection). A null state stands for "not reached yet", the top of the lattice.
    /// </summary>
    internal sealed class FlowState
    {
        // Keys are locals, parameters and flow captures; only values carrying evidence are kept.
        private Dictionary<object, Evidence>? _values;

        // May-facts (union at joins): variables written since the last ask (PRES006), and variables holding
        // machine-written content that no confirmation has followed yet (PRES008).
        private HashSet<object>? _written;
        private HashSet<object>? _machineWritten;

        // A must-fact (intersection at joins): fields and properties of this object assigned on every path, whose
        // value is known here rather than from what other methods store in them (PRES008 through fields).
        private HashSet<object>? _assigned;

        /// <summary>A positive confirmation happened on every path.</summary>
        public bool Confirmed { get; private set; }

        /// <summary>The confirmation asked last, the same one on every path; null when paths asked nobody or different ones.</summary>
        public IInvocationOperation? AskedBy { get; private set; }

        /// <summary>A may-fact: on some path reaching here, the positive answer of <see cref="AskedBy"/> was taken (the answer was checked).</summary>
        public bool AnswerTaken { get; private set; }

        /// <summary>The long wait (Task.Delay of days) after which a confirmation before it no longer holds; null when none, or paths differ.</summary>
        public IInvocationOperation? StaleAfter { get; private set; }

        public static FlowState Unconfirmed() => new FlowState();

        public FlowState Clone()
            => new FlowState
            {
                Confirmed = Confirmed,
                AskedBy = AskedBy,
                AnswerTaken = AnswerTaken,
                StaleAfter = StaleAfter,
                _values = _values is null ? null : new Dictionary<object, Evidence>(_values),
                _written = _written is null ? null : new HashSet<object>(_written),
                _machineWritten = _machineWritten is null ? null : new HashSet<object>(_machineWritten),
                _assigned = _assigned is null ? null : new HashSet<object>(_assigned),
            };

        public void Ask(IInvocationOperation confirmation)
        {
            AskedBy = confirmation;
            AnswerTaken = false;
            _written = null;
        }

        /// <summary>A positive answer: from here on the path is confirmed, and what was written before it was reviewed.</summary>
        public void Confirm()
        {
            AnswerTaken |= !Confirmed && AskedBy is not null;
            StaleAfter = null;
            Confirmed = true;
            _values = null;
            _machineWritten = null;
        }

        /// <summary>A wait of hours or days: a yes given before it is stale when what follows publishes.</summary>
        public void Wait(IInvocationOperation wait)
        {
            if (!Confirmed)
            {
                return;
            }

            Confirmed = false;
            AskedBy = null;
            AnswerTaken = false;
            StaleAfter = wait;
            _values = null;
        }

        public void Wrote(object variable) => (_written ??= new HashSet<object>()).Add(variable);

        /// <summary>The locals and parameters written on some path since the last ask.</summary>
        public System.Collections.Immutable.ImmutableArray<ISymbol> WrittenSinceAsk()
            => _written is null
                ? System.Collections.Immutable.ImmutableArray<ISymbol>.Empty
                : System.Collections.Immutable.ImmutableArray.CreateRange(System.Linq.Enumerable.OfType<ISymbol>(_written));

        public void SetMachineWritten(object variable, bool machineWritten)
        {
            if (machineWritten)
            {
                (_machineWritten ??= new HashSet<object>()).Add(variable);
            }
            else
            {
                _machineWritten?.Remove(variable);
            }
        }

        public bool IsMachineWritten(object variable) => _machineWritten is not null && _machineWritten.Contains(variable);

        /// <summary>A field or property of this object assigned in this body, on this path.</summary>
        public void Assigned(ISymbol member) => (_assigned ??= new HashSet<object>()).Add(member);

        /// <summary>True when <paramref name="member"/> was assigned in this body on every path reaching here.</summary>
        public bool IsAssigned(ISymbol member) => _assigned is not null && _assigned.Contains(member);

        /// <summary>Takes the edge on which a value with <paramref name="evidence"/> is <paramref name="isTrue"/>.</summary>
        public void Assume(Evidence evidence, bool isTrue)
        {
            if (evidence.Has(isTrue ? EvidenceFlags.WhenTrue : EvidenceFlags.WhenFalse))
            {
                Confirm();
            }
        }

        public Evidence Get(object key)
        {
            if (Confirmed)
            {
                return Evidence.All;
            }

            return _values is not null && _values.TryGetValue(key, out var evidence) ? evidence : Evidence.None;
        }

        public void Set(object key, Evidence evidence)
        {
            if (Confirmed)
            {
                return;
            }

            if (evidence.IsNone || evidence.Flags == EvidenceFlags.WhenNull)
            {
                _values?.Remove(key);
                return;
            }

            (_values ??= new Dictionary<object, Evidence>())[key] = evidence;
        }

        public void Forget(object key) => _values?.Remove(key);

        /// <summary>The state that holds whichever of two paths was taken; null operands are unreached paths.</summary>
        public static FlowState? Meet(FlowState? left, FlowState? right)
        {
            if (left is null)
            {
                return right?.Clone();
            }

            if (right is null)
            {
                return left.Clone();
            }

            var result = new FlowState
            {
                Confirmed = left.Confirmed && right.Confirmed,
                AskedBy = MeetAsked(left, right),
                AnswerTaken = left.AnswerTaken || right.AnswerTaken,
                StaleAfter = MeetSame(left.StaleAfter, left.Confirmed, right.StaleAfter, right.Confirmed),
            };

            if (!result.Confirmed)
            {
                MeetValues(result, left, right);
                MeetValues(result, right, left);
            }

            result._written = Union(left._written, right._written);
            result._machineWritten = Union(left._machineWritten, right._machineWritten);
            result._assigned = Intersection(left._assigned, right._assigned);
            return result;
        }

        private static HashSet<object>? Intersection(HashSet<object>? left, HashSet<object>? right)
        {
            if (left is null || right is null || left.Count == 0 || right.Count == 0)
            {
                return null;
            }

            var intersection = new HashSet<object>(left);
            intersection.IntersectWith(right);
            return intersection.Count == 0 ? null : intersection;
        }

        private static HashSet<object>? Union(HashSet<object>? left, HashSet<object>? right)
        {
            if (left is null || left.Count == 0)
            {
                return right is null || right.Count == 0 ? null : new HashSet<object>(right);
            }

            var union = new HashSet<object>(left);
            if (right is not null)
            {
                union.UnionWith(right);
            }

            return union;
        }

        private static bool SameSet(HashSet<object>? left, HashSet<object>? right)
            => (left?.Count ?? 0) == (right?.Count ?? 0) && (left is null || left.Count == 0 || left.SetEquals(right!));

        private static void MeetValues(FlowState result, FlowState from, FlowState other)
        {
            if (from._values is null)
            {
                return;
            }

            foreach (var entry in from._values)
            {
                result.Set(entry.Key, entry.Value.Meet(other.Get(entry.Key)));
            }
        }

        // A path that is confirmed without a recorded ask (vacuously, or inherited) does not hide the other path's ask.
        private static IInvocationOperation? MeetAsked(FlowState left, FlowState right)
            => MeetSame(left.AskedBy, left.Confirmed, right.AskedBy, right.Confirmed);

        private static IInvocationOperation? MeetSame(IInvocationOperation? left, bool leftConfirmed, IInvocationOperation? right, bool rightConfirmed)
        {
            var l = left ?? (leftConfirmed ? right : null);
            var r = right ?? (rightConfirmed ? left : null);
            return ReferenceEquals(l, r) ? l : null;
        }

        public static bool AreEqual(FlowState? left, FlowState? right)
        {
            if (left is null || right is null)
            {
                return left is null && right is null;
            }

            if (left.Confirmed != right.Confirmed || !ReferenceEquals(left.AskedBy, right.AskedBy)
                || left.AnswerTaken != right.AnswerTaken || !ReferenceEquals(left.StaleAfter, right.StaleAfter)
                || !SameSet(left._written, right._written) || !SameSet(left._machineWritten, right._machineWritten)
                || !SameSet(left._assigned, right._assigned))
            {
                return false;
            }

            var leftCount = left._values?.Count ?? 0;
            if (leftCount != (right._values?.Count ?? 0))
            {
                return false;
            }

            if (leftCount == 0)
            {
                return true;
            }

            foreach (var entry in left._values!)
            {
                if (!right._values!.TryGetValue(entry.Key, out var other) || !entry.Value.Equals(other))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
