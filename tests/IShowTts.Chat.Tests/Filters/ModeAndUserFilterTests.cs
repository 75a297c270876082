// Who is read: deny and allow lists, the subscribers-only and paid-only modes, moderator approval, and
// the per-user cooldown (on a manual clock). Every rejection names its reason.
using IShowTts.Chat.Filters;
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;

namespace IShowTts.Chat.Tests.Filters;

public sealed class ModeAndUserFilterTests
{
    [Theory]
    [InlineData("NightBot")]
    [InlineData("@nightbot")]
    [InlineData("id-nightbot")]
    public void DeniedUsersAreNeverReadByLoginOrUserId(string entry)
    {
        var result = new FilterHarness(new FilterSettings { DeniedUsers = [entry] }).Run("hello", user: "nightbot");
        Assert.Equal(DropReason.UserDenied, result.Reason);
    }

    [Fact]
    public void DeniedUsersAreMatchedByDisplayNameToo()
    {
        var message = Messages.Chat("hi", user: "xx_troll") with { DisplayName = "Troll" };
        Assert.Equal(DropReason.UserDenied, new FilterHarness(new FilterSettings { DeniedUsers = ["troll"] }).Run(message).Reason);
    }

    [Fact]
    public void SubscribersModeLetsSubscribersVipsAndModeratorsThrough()
    {
        var harness = new FilterHarness(new FilterSettings { Mode = ChatMode.Subscribers });

        Assert.Equal(DropReason.NotSubscriber, harness.Run("hi").Reason);
        Assert.True(harness.Run(Messages.Chat("hi", "sub") with { Roles = ChatRoles.Subscriber }).Accepted);
        Assert.True(harness.Run(Messages.Chat("hi", "vip") with { Roles = ChatRoles.Vip }).Accepted);
        Assert.True(harness.Run(Messages.Chat("hi", "mod") with { Roles = ChatRoles.Moderator }).Accepted);
        Assert.True(harness.Run(Messages.Chat("x", "sys") with { Content = ChatContent.System("Alice raided") }).Accepted);
    }

    [Fact]
    public void PaidModeLetsBitsRewardsAndSuperChatsThrough()
    {
        var harness = new FilterHarness(new FilterSettings { Mode = ChatMode.Paid });

        Assert.Equal(DropReason.NotPaid, harness.Run("hi").Reason);
        Assert.Equal(DropReason.NotPaid, harness.Run(Messages.Chat("hi") with { Roles = ChatRoles.Subscriber }).Reason);
        Assert.True(harness.Run(Messages.Chat("Cheer10 hi", "a") with { Bits = 10 }).Accepted);
        Assert.True(harness.Run(Messages.Chat("hi", "b") with { RewardId = "reward-1" }).Accepted);
        Assert.True(harness.Run(Messages.Chat("hi", "c", ChatPriority.Paid, platform: ChatPlatform.YouTube)
            with { Paid = new PaidDetails(5_000_000, "USD", "$5.00", 2) }).Accepted);
    }

    [Fact]
    public void ApprovalModeHoldsViewersButNotModeratorsOrAllowedUsers()
    {
        var harness = new FilterHarness(new FilterSettings { Mode = ChatMode.Approval, AllowedUsers = ["friend"] });

        Assert.Equal(FilterOutcome.Hold, harness.Run("hi").Outcome);
        Assert.Equal(FilterOutcome.Continue, harness.Run(Messages.Chat("hi", "mod") with { Roles = ChatRoles.Moderator }).Outcome);
        Assert.Equal(FilterOutcome.Continue, harness.Run("hi", user: "friend").Outcome);
    }

    [Fact]
    public void HeldMessagesWereFilteredFirst()
    {
        var harness = new FilterHarness(new FilterSettings { Mode = ChatMode.Approval, BannedKeywords = ["banned"] });
        Assert.Equal(DropReason.BannedKeyword, harness.Run("banned").Reason);
        Assert.Equal("wow!!!", harness.Run("wow!!!!!!").Text);
    }

    [Fact]
    public void AllowedUsersSkipModesButNotTheWordFilter()
    {
        var harness = new FilterHarness(new FilterSettings { Mode = ChatMode.Subscribers, AllowedUsers = ["friend"], BannedKeywords = ["banned"] });
        Assert.True(harness.Run("hello", user: "friend").Accepted);
        Assert.Equal(DropReason.BannedKeyword, harness.Run("banned", user: "friend").Reason);
    }

    [Fact]
    public void TheCooldownCountsFromTheLastAcceptedMessagePerUser()
    {
        var harness = new FilterHarness(new FilterSettings { UserCooldownSecs = 30 });

        Assert.True(harness.Run("first").Accepted);
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        var early = harness.Run("second");
        Assert.Equal(DropReason.Cooldown, early.Reason);
        Assert.Contains("20 s", early.Detail);
        Assert.True(harness.Run("someone else", user: "other").Accepted);
        harness.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(harness.Run("third").Accepted);
        Assert.Equal(DropReason.Cooldown, harness.Run("fourth").Reason);
    }

    [Fact]
    public void RejectedMessagesDoNotStartACooldown()
    {
        var harness = new FilterHarness(new FilterSettings { UserCooldownSecs = 30 });
        Assert.Equal(DropReason.CommandIgnored, harness.Run("!cmd").Reason);
        Assert.True(harness.Run("real message").Accepted);
    }

    [Fact]
    public void SettingsCanBeEditedConcurrentlyWithoutLosingAnEdit()
    {
        var filters = new FilterPipeline(new FilterSettings());
        Parallel.For(0, 200, i => filters.Update(s => s with { BannedKeywords = [.. s.BannedKeywords, "word" + i] }));
        Assert.Equal(200, filters.Settings.BannedKeywords.Distinct().Count());
        Assert.Equal(DropReason.BannedKeyword, filters.Apply(Messages.Chat("so word137 here")).Reason);
    }

    [Fact]
    public void AnInvalidEditIsRefusedWithTheKeyAndLeavesTheSettingsAlone()
    {
        var filters = new FilterPipeline(new FilterSettings());
        var error = Assert.Throws<ArgumentException>(() => filters.Update(s => s with { MaxWords = 0 }));
        Assert.Contains("max_words", error.Message);
        Assert.Equal(77, filters.Settings.MaxWords);
    }
}
