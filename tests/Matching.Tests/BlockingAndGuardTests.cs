using Upt.Matching.Blocking;

namespace Upt.Matching.Tests;

public sealed class BlockingAndGuardTests
{
    internal static MatchCandidate Person(string given, string surname, string dob = "19800315", string line1 = "12 smith street", string postcode = "2600", string? email = null, string? phone = null, params string[] loyalty)
    {
        var fields = new Dictionary<string, string>
        {
            [ProfileFieldNames.FirstName] = given,
            [ProfileFieldNames.LastName] = surname,
            [ProfileFieldNames.BirthDate] = dob,
            [ProfileFieldNames.Address1] = line1,
            [ProfileFieldNames.City] = "canberra",
            [ProfileFieldNames.PostalCode] = postcode,
            [ProfileFieldNames.State] = "act",
        };
        if (email is not null)
        {
            fields[ProfileFieldNames.PersonalEmail] = email;
        }

        if (phone is not null)
        {
            fields[ProfileFieldNames.MobilePhone] = phone;
        }

        return MatchCandidate.FromProfileFields(fields, loyalty);
    }

    [Theory]
    [InlineData(BlockedValueKind.Name, "NULL", true)]
    [InlineData(BlockedValueKind.Name, " n/a ", true)]
    [InlineData(BlockedValueKind.Name, "Anonymous", true)]
    [InlineData(BlockedValueKind.Identifier, "-1", true)]
    [InlineData(BlockedValueKind.Identifier, "0000000", true)]
    [InlineData(BlockedValueKind.Phone, "999-999-9999", true)]
    [InlineData(BlockedValueKind.Identifier, "1234567", true)]
    [InlineData(BlockedValueKind.Email, "test@test.com", true)]
    [InlineData(BlockedValueKind.Email, "noreply@airline.com", true)]
    [InlineData(BlockedValueKind.Date, "1900-01-01", true)]
    [InlineData(BlockedValueKind.Address, "0000", true)]
    [InlineData(BlockedValueKind.Identifier, "6145184", false)]
    [InlineData(BlockedValueKind.Email, "jane.doe@airline.com", false)]
    [InlineData(BlockedValueKind.Address, "2222", false)]
    [InlineData(BlockedValueKind.Name, "jacob", false)]
    public void Placeholders_are_blocked(BlockedValueKind kind, string value, bool blocked) => Assert.Equal(blocked, BlockedValues.IsBlocked(kind, value));

    [Fact]
    public void Blocked_values_produce_no_keys_and_no_strong_agreement()
    {
        var a = Person("jacob", "lanyon", email: "test@test.com", phone: "0000000000", loyalty: "-1");
        Assert.Empty(a.Emails);
        Assert.Empty(a.Phones);
        Assert.Empty(a.LoyaltyIds);
        Assert.DoesNotContain(BlockingKeys.For(a), k => k.StartsWith("em:", StringComparison.Ordinal) || k.StartsWith("ph:", StringComparison.Ordinal) || k.StartsWith("ly:", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_are_exact_and_short()
    {
        var keys = BlockingKeys.For(Person("jacob", "lanyon", email: "Jacob.Lanyon@mail.com", phone: "+61 412 345 678", loyalty: "9497788"));
        Assert.Equal(
            ["sy:LANYAN.1980", "gy:JACAB.1980", "sp:LANYAN.2600", "gp:JACAB.2600", "nn:JACAB.LANYAN", "dg:19800315.j", "ds:19800315.l", "pn:2600.12", "em:jacob.lanyon", "ph:412345678", "ly:.9497788"],
            keys);
        Assert.All(keys, k => Assert.True(k.Length <= 24, k));
    }

    [Fact]
    public void Swapped_names_share_the_name_pair_key()
    {
        var a = BlockingKeys.For(Person("petreece", "lusted", dob: "", postcode: "6214"));
        var b = BlockingKeys.For(Person("lusted", "petreece", dob: "", postcode: "2133", line1: ""));
        Assert.Contains(a.Intersect(b), k => k.StartsWith("nn:", StringComparison.Ordinal));
    }

    [Fact]
    public void Oversized_blocks_are_skipped_and_reported()
    {
        var many = Enumerable.Range(0, 60).Select(i => Person("john", "smith", dob: "", postcode: "", line1: "")).ToArray();
        var index = new BlockIndex(many);
        Assert.Empty(index.Pairs(maxBlockSize: 50));
        Assert.Equal([("nn:JAN.SNAT", 60)], index.Oversized(50));
    }
}
