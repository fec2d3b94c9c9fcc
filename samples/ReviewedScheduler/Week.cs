using System;

namespace ReviewedScheduler;

/// <summary>The week the sample plays: its posts (the app's own data) and the simulated clock.</summary>
public static class Week
{
    public static readonly DateTimeOffset Sunday = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    /// <summary>One post per weekday, Monday (1) to Thursday (4).</summary>
    public static readonly string[] Drafts =
    {
        string.Empty,
        "Our spring release is out: faster exports, calmer notifications.",
        "Flash sale! 40% off everything, today only!",
        "Meet the team behind the release on Thursday.",
        "Thank you to everyone who joined us this week.",
    };

    public static LinkedInPost Post(int day) => new("acme", Drafts[day]);

    public static DateTimeOffset NineOn(int day) => Sunday.Date.AddDays(day).AddHours(9);
}

/// <summary>The week's clock: the ledger reads it through TimeProvider, as it reads the real one.</summary>
public sealed class SimulatedTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
