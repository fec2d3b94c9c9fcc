namespace Presence.Audit.Reports;
public static class HtmlReport { public static string Write(Presence.Audit.Model.PublishingMap map) => ""; }
