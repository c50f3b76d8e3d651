namespace Upt.DataPermissions.Tests;

/// <summary>Fail closed: any malformed line voids the whole string, with the first error's line and column.</summary>
public sealed class SyntaxTests
{
    [Theory]
    [InlineData("traveller", "line 1, column 10: expected '/' after the object 'traveller', found end of line")]
    [InlineData("*/firstName", "line 1, column 1: the object '*' is only allowed as the whole line */*")]
    [InlineData("*/*?from = BOS", "line 1, column 1: the object '*' is only allowed as the whole line */*")]
    [InlineData("traveller/", "line 1, column 11: expected a field name, found end of line")]
    [InlineData("traveller/firstName,,lastName", "line 1, column 21: expected a field name, found ',lastName'")]
    [InlineData("traveller/firstName,*", "line 1, column 21: '*' must come first in a field list (all fields, then the ones excluded)")]
    [InlineData("traveller/* birthDate", "line 1, column 13: expected ',', '?' or the end of the line, found 'birthDate'")]
    [InlineData("air_booking/*?", "line 1, column 15: expected a field name or '(', found end of line")]
    [InlineData("air_booking/*?from = ", "line 1, column 22: expected a value, found end of line")]
    [InlineData("air_booking/*?from BOS", "line 1, column 20: expected an operator (=, !=, <, <=, >, >=, in) after 'from', found 'BOS'")]
    [InlineData("air_booking/*?from = BOS AND to = JFK", "line 1, column 26: expected 'and', 'or' or the end of the line, found 'AND to = JFK'")]
    [InlineData("air_booking/*?(from = BOS or to = BOS", "line 1, column 38: expected 'and', 'or' or ')' to close the '(' at column 15, found end of line")]
    [InlineData("air_booking/*?from = BOS)", "line 1, column 25: expected 'and', 'or' or the end of the line, found ')'")]
    [InlineData("hotel_booking/*?hotelCode in NYC01", "line 1, column 30: expected '[' after 'in', found 'NYC01'")]
    [InlineData("hotel_booking/*?hotelCode in [NYC01,]", "line 1, column 37: expected a value, found ']'")]
    [InlineData("hotel_booking/*?hotelCode in [NYC01 BOS02]", "line 1, column 37: expected ',' or ']' in the list, found 'BOS02]'")]
    [InlineData("hotel_booking/*?hotelCode = \"NYC01", "line 1, column 29: unterminated quoted value")]
    [InlineData("traveller/*\nair_booking/*?from =", "line 2, column 21: expected a value, found end of line")]
    [InlineData("traveller/*\ntraveller/firstName", "line 2, column 1: traveller is already granted by the line 'traveller/*'; an object may have one line (several groups do combine)")]
    [InlineData("hotel_stay/*\nhotel_stay_revenue_items/*", "line 2, column 1: hotel_stay_revenue_items is already granted by the line 'hotel_stay/*'; an object may have one line (several groups do combine)")]
    public void Malformed_strings_report_where(string text, string error)
    {
        Assert.Equal(error, P.Error(text).ToString());
    }

    [Fact]
    public void One_bad_line_voids_the_good_ones()
    {
        var access = P.Access("traveller/*\nair_booking/*?from BOS");

        Assert.Null(access.Filter("traveller", P.Traveller()));
        Assert.False(access.CanSee("traveller"));
        Assert.Same(DataPermission.None, DataPermission.ParseOrNone("traveller/*\nair_booking/*?from BOS"));
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
    {
        var text = "air_booking/*?" + new string('(', 40) + "from = BOS" + new string(')', 40);

        Assert.Equal("line 1, column 47: parentheses nested deeper than 32", P.Error(text).ToString());
    }

    [Theory]
    [InlineData("air_booking/*?from=BOS", "air_booking/*?from = BOS")]
    [InlineData("air_booking/*?from==BOS", "air_booking/*?from = BOS")]
    [InlineData("air_booking/*?(from=BOS or to=BOS) and status=confirmed", "air_booking/*?((from = BOS or to = BOS) and status = confirmed)")]
    [InlineData("hotel_booking/*?hotelCode in [ NYC01 , BOS02 ]", "hotel_booking/*?hotelCode in [NYC01,BOS02]")]
    [InlineData("hotel_booking/*?hotelCode in[NYC01]", "hotel_booking/*?hotelCode in [NYC01]")]
    [InlineData("traveller/ *, birthDate ,pronoun", "traveller/*,birthDate,pronoun")]
    [InlineData("traveller/*?homeAddress.City = \"New York\"", "traveller/*?homeAddress.City = \"New York\"")]
    [InlineData("traveller/*?lastName = \"O\\\"Hara\"", "traveller/*?lastName = \"O\\\"Hara\"")]
    [InlineData("air_booking/*?from = BOS,JFK", "air_booking/*?from = \"BOS,JFK\"")]
    public void Upt_accepts_less_than_Upt_which_reads_it_the_same(string text, string canonical)
    {
        Assert.Equal(canonical, P.Parse(text).ToString());
    }

    [Fact]
    public void Blank_lines_and_CRLF_are_ignored_instead_of_voiding_the_string()
    {
        var permission = P.Parse("traveller/firstName\r\n\r\nair_booking/*\n");

        Assert.Equal("traveller/firstName\nair_booking/*", permission.ToString());
        Assert.True(P.Parse("*/*\n").IsAdmin);
    }

    [Fact]
    public void Unknown_objects_parse_as_in_UPT_but_show_nothing()
    {
        var permission = P.Parse("hotel_stays/*\ntraveller/*");

        Assert.Equal(["hotel_stays"], permission.UnknownObjects);
        Assert.False(DataAccess.Union([permission]).CanSee("hotel_stay_revenue_items"));
    }

    [Fact]
    public void Keywords_are_lower_case()
    {
        Assert.Equal("line 1, column 1: expected an object name (traveller, air_booking, ...), found '/*'", P.Error("/*").ToString());
        Assert.Equal("line 1, column 26: expected 'and', 'or' or the end of the line, found 'OR to = BOS'", P.Error("air_booking/*?from = BOS OR to = BOS").ToString());
    }
}
