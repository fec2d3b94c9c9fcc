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

        /// <summary>A positive confirmation happened on every path.</summary>
        public bool Confirmed { get; private set; }

        /// <summary>The confirmation asked last, the same one on every path; null when paths asked nobody or different ones.</summary>
        public IInvocationOperation? AskedBy { get; private set; }

        public static FlowState Unconfirmed() => new FlowState();

        public FlowState Clone()
            => new FlowState
            {
                Confirmed = Confirmed,
                AskedBy = AskedBy,
                _values = _values is null ? null : new Dictionary<object, Evidence>(_values),
            };

        public void Ask(IInvocationOperation confirmation) => AskedBy = confirmation;

        public void Confirm()
        {
            Confirmed = true;
            _values = null;
        }

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
            };

            if (!result.Confirmed)
            {
                MeetValues(result, left, right);
                MeetValues(result, right, left);
            }

            return result;
        }

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
        {
            var l = left.AskedBy ?? (left.Confirmed ? right.AskedBy : null);
            var r = right.AskedBy ?? (right.Confirmed ? left.AskedBy : null);
            return ReferenceEquals(l, r) ? l : null;
        }

        public static bool AreEqual(FlowState? left, FlowState? right)
        {
            if (left is null || right is null)
            {
                return left is null && right is null;
            }

            if (left.Confirmed != right.Confirmed || !ReferenceEquals(left.AskedBy, right.AskedBy))
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
