namespace Presence.Analyzers.Catalog
{
    /// <summary>Which audience a publish API reaches; email and SMS broadcasts are opt-in.</summary>
    internal enum PublishCategory
    {
        Social,
        Email,
        Sms,
    }

    /// <summary>One member of a type that publishes: every overload of it, and every implementation and override.</summary>
    internal sealed class CatalogEntry
    {
        public CatalogEntry(string platform, PublishCategory category, string assembly, string containingType, string member, string? receiver, string? note, int line)
        {
            Platform = platform;
            Category = category;
            Assembly = assembly;
            ContainingType = containingType;
            Member = member;
            Receiver = receiver;
            Note = note;
            Line = line;
            TypeKey = MetadataNames.SimpleName(containingType);
        }

        public string Platform { get; }

        public PublishCategory Category { get; }

        /// <summary>Simple name of the assembly that defines the type: no reference to it, no lookups at all.</summary>
        public string Assembly { get; }

        /// <summary>Metadata name of the declaring type: namespace, '+' for nesting, '`N' for generic arity.</summary>
        public string ContainingType { get; }

        /// <summary>The simple metadata name of <see cref="ContainingType"/> (with arity), the index key.</summary>
        public string TypeKey { get; }

        public string Member { get; }

        /// <summary>When set, only calls whose receiver is (or derives from) this type publish.</summary>
        public string? Receiver { get; }

        public string? Note { get; }

        /// <summary>1-based line in the catalog text, to tell entries apart in tests and messages.</summary>
        public int Line { get; }

        public string Id => "M:" + ContainingType + "." + Member + (Receiver is null ? string.Empty : " receiver=" + Receiver);
    }
}
