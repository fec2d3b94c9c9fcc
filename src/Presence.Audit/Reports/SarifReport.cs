namespace Presence.Audit.Reports;
public static class SarifReport { public static string Write(Presence.Audit.Model.PublishingMap map) => ""; }
