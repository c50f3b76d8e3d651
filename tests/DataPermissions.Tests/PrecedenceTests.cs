using System.Text.Json.Nodes;

namespace Upt.DataPermissions.Tests;

/// <summary><c>and</c> binds tighter than <c>or</c>; parentheses group.</summary>
public sealed class PrecedenceTests
{
    [Theory]
    [InlineData("a = 1 or b = 2 and c = 3", "(a = 1 or (b = 2 and c = 3))")]
    [InlineData("a = 1 and b = 2 or c = 3", "((a = 1 and b = 2) or c = 3)")]
    [InlineData("(a = 1 or b = 2) and c = 3", "((a = 1 or b = 2) and c = 3)")]
    [InlineData("a = 1 and (b = 2 or c = 3) and d = 4", "(a = 1 and (b = 2 or c = 3) and d = 4)")]
    [InlineData("((a = 1))", "a = 1")]
    [InlineData("a = 1 or b = 2 or c = 3", "(a = 1 or b = 2 or c = 3)")]
    public void Grouping(string condition, string tree)
    {
        Assert.Equal(tree, P.Parse($"clickstream/*?{condition}").Grants[0].Condition!.ToString());
    }

    [Fact]
    public void And_binds_tighter_when_evaluated()
    {
        // a holds, b and c do not: "a or (b and c)" holds, "(a or b) and c" would not.
        var data = new JsonObject { ["a"] = 1, ["b"] = 0, ["c"] = 0 };

        Assert.True(P.Parse("clickstream/*?a = 1 or b = 2 and c = 3").Grants[0].Shows(data));
        Assert.False(P.Parse("clickstream/*?(a = 1 or b = 2) and c = 3").Grants[0].Shows(data));
    }
}
