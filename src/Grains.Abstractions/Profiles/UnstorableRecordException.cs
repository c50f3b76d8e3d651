namespace Upt.Grains;

/// <summary>
/// The database refused a profile write for the data it held (see <c>UnstorableWriteException</c>): applying the same
/// records again fails again, so the caller keeps them as error records instead of retrying.
/// </summary>
[GenerateSerializer, Alias("upt.unstorable-record")]
public sealed class UnstorableRecordException : Exception
{
    public UnstorableRecordException()
    {
    }

    public UnstorableRecordException(string message) : base(message)
    {
    }

    public UnstorableRecordException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
