using NetArchTest.Rules;

namespace Api.Tests.Architecture;

/// <summary>
/// The layering of CONTRIBUTING.md on the compiled Api, and each rule shown to bite: it fails on a
/// fixture with one forbidden reference (naming exactly that type) and passes on one with every
/// allowed reference.
/// </summary>
public sealed class LayerRuleTests
{
    public static TheoryData<LayerRule> Rules() => [.. LayerRule.All];

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_Api_keeps_the_rule(LayerRule rule)
    {
        var result = rule.Check(typeof(Program).Assembly, "Api");

        Assert.True(result.IsSuccessful, $"{rule.Name}, broken by: {Names(result)}");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_rule_fails_when_a_forbidden_reference_is_added(LayerRule rule)
    {
        var result = rule.Check(typeof(LayerRuleTests).Assembly, "LayerFixtures.Broken");

        Assert.False(result.IsSuccessful);
        var expected = rule.Layer is null
            ? ["LayerFixtures.Broken.Admin.Violation"]
            : new[] { $"LayerFixtures.Broken.{rule.Layer}.Violation" };
        Assert.Equal(expected, result.FailingTypeNames);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_rule_allows_every_reference_the_layering_allows(LayerRule rule)
    {
        var result = rule.Check(typeof(LayerRuleTests).Assembly, "LayerFixtures.Allowed");

        Assert.True(result.IsSuccessful, $"{rule.Name} refuses an allowed reference: {Names(result)}");
    }

    private static string Names(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
