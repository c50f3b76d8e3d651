namespace Upt.Grains;

/// <summary>A write reached a profile that is being merged away; retry shortly (it will then forward to the survivor).</summary>
[GenerateSerializer, Alias("upt.profile-merging")]
public sealed class ProfileMergingException : Exception
{
    public ProfileMergingException()
    {
    }

    public ProfileMergingException(string message) : base(message)
    {
    }

    public ProfileMergingException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
