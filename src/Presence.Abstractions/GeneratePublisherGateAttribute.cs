using System;

namespace Presence
{
    /// <summary>
    /// On a publisher interface: generate its typed approval gate, through which the interface can only be called
    /// with content a person approved.
    /// </summary>
    [AttributeUsage(AttributeTargets.Interface, Inherited = false, AllowMultiple = false)]
    public sealed class GeneratePublisherGateAttribute : Attribute
    {
    }
}
