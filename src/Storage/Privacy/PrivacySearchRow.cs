namespace Upt.Storage;

/// <summary>
/// A row of <c>upt_privacy_searches</c> as read back: <see cref="Status"/> and <see cref="ErrorMessage"/> are rolled up
/// with the search's locations (see <see cref="PrivacyRollup"/>).
/// </summary>
public sealed record PrivacySearchRow(
    string Domain,
    string ConnectId,
    string Status,
    string ErrorMessage,
    DateTimeOffset SearchDate,
    int TotalResults,
    string TransactionId,
    string EventId);
