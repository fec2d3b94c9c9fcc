#nullable enable
namespace Presence
{
    /// <summary>
    /// Content that can be approved: it says which of its parts an approval covers.
    /// </summary>
    /// <remarks>
    /// Include everything the audience will see and where it goes: the body, every media item (a stable identifier
    /// such as a URL with a version, or a hash of its bytes; prefix the list with its count), and the target channel
    /// or account, so an approval for one network cannot be redeemed for another. Leave out the schedule and anything
    /// else that is not content (ids, retry counters): moving a post to another time keeps its approval valid, while
    /// any change to what it says or shows needs a new one.
    /// <code>
    /// public ContentFingerprint GetApprovalFingerprint()
    ///     => ContentFingerprint.Of(new[] { Channel, Body, MediaUrls.Count.ToString() }.Concat(MediaUrls).ToArray());
    /// </code>
    /// </remarks>
    public interface IApprovalContent
    {
        /// <summary>The fingerprint of the content: body, media and channel, never the schedule.</summary>
        /// <returns>Usually <see cref="ContentFingerprint.Of(string[])"/> over the parts, in a fixed order.</returns>
        ContentFingerprint GetApprovalFingerprint();
    }
}
