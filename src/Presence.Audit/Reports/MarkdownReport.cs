namespace Presence.Audit.Reports;
public static class MarkdownReport { public static string Write(Presence.Audit.Model.PublishingMap map) => ""; }
