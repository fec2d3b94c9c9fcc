using System;

namespace Presence.Abstractions.Tests.Support
{
    /// <summary>Time that moves only when a test says so.</summary>
    internal sealed class ManualClock
    {
        public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.Zero);

        public DateTimeOffset Now { get; private set; } = Start;

        public void Advance(TimeSpan by) => Now += by;

        public void Set(DateTimeOffset now) => Now = now;

        public DateTimeOffset Read() => Now;
    }
}
