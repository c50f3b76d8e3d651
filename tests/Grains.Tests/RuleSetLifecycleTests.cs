using Upt.Rules;

namespace Upt.Grains.Tests;

/// <summary>A domain's rule sets: default at creation, draft, activation into history, listing; the active set in the settings.</summary>
[Collection(GridCollection.Name)]
public sealed class RuleSetLifecycleTests(GridFixture grid)
{
    private static Rule LastNameRule(int index, string name) => new()
    {
        Index = index,
        Name = name,
        Conditions = [new Condition { ConditionType = ConditionTypes.Match, IncomingObjectType = RuleObjectTypes.Profile, IncomingObjectField = "LastName" }],
    };

    [Fact]
    public async Task A_new_domain_has_the_default_rule_set_active_as_version_1()
    {
        var before = DateTimeOffset.UtcNow;
        var domain = grid.Client.GetGrain<IDomainGrain>(await grid.NewDomainAsync());

        var sets = await domain.ListRuleSetsAsync(includeHistory: true);
        var active = Assert.Single(sets!);
        Assert.Equal((RuleSetNames.Active, 1), (active.Name, active.LatestVersion));
        Assert.Equal(["merge_same_alternate_profile_ids", "merge_same_air_loyalty_ids", "merge_same_hotel_loyalty_ids"], active.Rules.Select(r => r.Name));
        Assert.InRange(active.LastActivationTimestamp, before, DateTimeOffset.UtcNow);
        var settings = await domain.GetSettingsAsync();
        Assert.Equal(1, settings!.ActiveRuleSet!.LatestVersion);
        Assert.Equal(active.Rules.Select(r => r.Name), settings.ActiveRuleSet.Rules.Select(r => r.Name));
    }

    [Fact]
    public async Task Save_activate_twice_then_list_with_and_without_history()
    {
        var domain = grid.Client.GetGrain<IDomainGrain>(await grid.NewDomainAsync());

        var saved = await domain.SaveRuleSetDraftAsync([LastNameRule(0, "by_last_name")]);
        Assert.Equal(RuleSetOutcome.Done, saved.Outcome);
        Assert.Equal(IndexNormalization.Default, saved.RuleSet!.Rules[0].Conditions[0].IndexNormalization);
        var listed = await domain.ListRuleSetsAsync(includeHistory: false);
        Assert.Equal([(RuleSetNames.Draft, 0, 1), (RuleSetNames.Active, 1, 3)], listed!.Select(s => (s.Name, s.LatestVersion, s.Rules.Count)));

        var firstActivation = (await domain.ListRuleSetsAsync(false))!.Single(s => s.Name == RuleSetNames.Active).LastActivationTimestamp;
        var second = await domain.ActivateRuleSetAsync();
        Assert.Equal((RuleSetOutcome.Done, RuleSetNames.Active, 2), (second.Outcome, second.RuleSet!.Name, second.RuleSet.LatestVersion));

        Assert.Equal(RuleSetOutcome.Done, (await domain.SaveRuleSetDraftAsync([LastNameRule(0, "a"), LastNameRule(1, "b")])).Outcome);
        var third = await domain.ActivateRuleSetAsync();
        Assert.Equal(3, third.RuleSet!.LatestVersion);

        var all = await domain.ListRuleSetsAsync(includeHistory: true);
        Assert.Equal([("v1", 1, 3), ("v2", 2, 1), (RuleSetNames.Active, 3, 2)], all!.Select(s => (s.Name, s.LatestVersion, s.Rules.Count)));
        Assert.Equal(firstActivation, all![0].LastActivationTimestamp);
        Assert.Equal(second.RuleSet.LastActivationTimestamp, all[1].LastActivationTimestamp);
        Assert.True(all[1].LastActivationTimestamp < all[2].LastActivationTimestamp);
        Assert.Equal(["by_last_name"], all[1].Rules.Select(r => r.Name));
        Assert.Equal([(RuleSetNames.Active, 3)], (await domain.ListRuleSetsAsync(false))!.Select(s => (s.Name, s.LatestVersion)));
        Assert.Equal(["a", "b"], (await domain.GetSettingsAsync())!.ActiveRuleSet!.Rules.Select(r => r.Name));
    }

    [Fact]
    public async Task Activation_needs_a_non_empty_draft()
    {
        var domain = grid.Client.GetGrain<IDomainGrain>(await grid.NewDomainAsync());

        Assert.Equal(RuleSetResult.Failed(RuleSetOutcome.NoDraft, "no draft rule set to activate").Errors, (await domain.ActivateRuleSetAsync()).Errors);
        Assert.Equal(RuleSetOutcome.Done, (await domain.SaveRuleSetDraftAsync([])).Outcome);
        var empty = await domain.ActivateRuleSetAsync();
        Assert.Equal((RuleSetOutcome.NoDraft, "the draft rule set has no rules"), (empty.Outcome, Assert.Single(empty.Errors)));
        Assert.Equal(1, (await domain.GetSettingsAsync())!.ActiveRuleSet!.LatestVersion);
    }

    [Fact]
    public async Task An_invalid_draft_is_refused_with_the_messages_and_the_old_draft_stays()
    {
        var domain = grid.Client.GetGrain<IDomainGrain>(await grid.NewDomainAsync());
        await domain.SaveRuleSetDraftAsync([LastNameRule(0, "kept")]);
        var bad = LastNameRule(1, "bad") with { Conditions = [new Condition { ConditionType = ConditionTypes.Match, IncomingObjectType = RuleObjectTypes.Profile, IncomingObjectField = "Surname" }] };

        var result = await domain.SaveRuleSetDraftAsync([bad]);

        Assert.Equal(RuleSetOutcome.Invalid, result.Outcome);
        Assert.Equal(["rule 0: index is 1, but rule indexes must be 0..n-1 in order (expected 0)", "rule 0 condition 0: field 'Surname' does not exist in object type '_profile'"], result.Errors);
        Assert.Equal(["kept"], (await domain.ListRuleSetsAsync(false))!.Single(s => s.Name == RuleSetNames.Draft).Rules.Select(r => r.Name));
    }

    [Fact]
    public async Task Updating_settings_keeps_the_active_rule_set_and_unknown_domains_say_so()
    {
        var domain = grid.Client.GetGrain<IDomainGrain>(await grid.NewDomainAsync());

        Assert.True(await domain.UpdateSettingsAsync(new DomainSettings { ErrorRetentionDays = 3 }));

        var settings = await domain.GetSettingsAsync();
        Assert.Equal((3, 1), (settings!.ErrorRetentionDays, settings.ActiveRuleSet!.LatestVersion));
        var missing = grid.Client.GetGrain<IDomainGrain>("nodomain" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Null(await missing.ListRuleSetsAsync(true));
        Assert.Equal(RuleSetOutcome.DomainNotFound, (await missing.SaveRuleSetDraftAsync([LastNameRule(0, "x")])).Outcome);
        Assert.Equal(RuleSetOutcome.DomainNotFound, (await missing.ActivateRuleSetAsync()).Outcome);
    }

    [Fact]
    public async Task A_domain_created_with_its_own_rules_starts_with_them_as_version_1()
    {
        var name = await grid.NewDomainAsync(new DomainSettings { ActiveRuleSet = new RuleSet { Rules = [LastNameRule(0, "mine")] } });

        var active = (await grid.Client.GetGrain<IDomainGrain>(name).GetSettingsAsync())!.ActiveRuleSet!;

        Assert.Equal((RuleSetNames.Active, 1, "mine"), (active.Name, active.LatestVersion, active.Rules.Single().Name));
    }
}
