using System;

namespace Presence.Audit.Loading;

/// <summary>A problem the user can fix (no SDK, no restore, a project that does not load): exit code 2, the message alone.</summary>
public sealed class AuditException(string message) : Exception(message);
