namespace Upt.DataPermissions.Tests;

public sealed class FieldNameTests
{
    [Theory]
    [InlineData("hotelCode", "hotel_code")]
    [InlineData("accpObjectID", "accp_object_id")]
    [InlineData("lastUpdated", "last_updated")]
    [InlineData("nNights", "n_nights")]
    [InlineData("pssId", "pss_id")]
    [InlineData("totalAfterTax", "total_after_tax")]
    [InlineData("from", null)]
    [InlineData("hotel_code", null)]
    [InlineData("BirthDate", null)]
    public void Snake_case_twins(string name, string? snake) => Assert.Equal(snake, FieldNames.SnakeCase(name));

    [Theory]
    [InlineData("birthDate", "birthDate", true)]
    [InlineData("hotelCode", "hotel_code", true)]
    [InlineData("hotel_code", "hotelCode", true)]
    [InlineData("BirthDate", "birthDate", false)]
    [InlineData("birthdate", "birthDate", false)]
    [InlineData("dob", "birthDate", false)]
    public void Names_are_case_sensitive_with_camel_and_snake_twins(string name, string key, bool same) => Assert.Equal(same, FieldNames.Same(name, key));
}
