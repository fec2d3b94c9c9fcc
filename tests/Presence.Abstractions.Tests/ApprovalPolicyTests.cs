using System;

namespace Presence.Abstractions.Tests
{
    public class ApprovalPolicyTests
    {
        [Fact]
        public void The_default_is_one_review_by_anyone_but_the_author_valid_for_a_day()
        {
            var policy = ApprovalPolicy.Default;

            Assert.False(policy.AllowSelfApproval);
            var step = Assert.Single(policy.Steps);
            Assert.Equal("review", step.Name);
            Assert.Equal(ApprovalMode.Any, step.Mode);
            Assert.Empty(step.Reviewers);
            Assert.Equal(TimeSpan.FromHours(24), policy.Lifetime);
            Assert.Equal(TimeSpan.FromDays(90), policy.PendingLifetime);
        }

        [Fact]
        public void With_methods_return_changed_copies()
        {
            var original = new ApprovalPolicy();
            var changed = original
                .WithSelfApproval(true)
                .WithSteps(ApprovalStep.AnyOf("legal", "lena"), ApprovalStep.AllOf("brand", "bea", "ben"))
                .WithLifetime(TimeSpan.FromHours(2))
                .WithPendingLifetime(TimeSpan.FromDays(3));

            Assert.True(changed.AllowSelfApproval);
            Assert.Equal(new[] { "legal", "brand" }, new[] { changed.Steps[0].Name, changed.Steps[1].Name });
            Assert.Equal(new[] { "bea", "ben" }, changed.Steps[1].Reviewers);
            Assert.Equal(TimeSpan.FromHours(2), changed.Lifetime);
            Assert.Equal(TimeSpan.FromDays(3), changed.PendingLifetime);
            Assert.False(original.AllowSelfApproval);
            Assert.Equal("review", Assert.Single(original.Steps).Name);
        }

        [Fact]
        public void A_policy_must_review_something()
        {
            Assert.Throws<ArgumentException>(() => ApprovalPolicy.Default.WithSteps());
            Assert.Throws<ArgumentException>(() => ApprovalPolicy.Default.WithSteps(ApprovalStep.Anyone("x"), ApprovalStep.AnyOf("x", "bob")));
            Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalPolicy.Default.WithLifetime(TimeSpan.Zero));
            Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalPolicy.Default.WithPendingLifetime(TimeSpan.FromSeconds(-1)));
        }

        [Fact]
        public void A_step_names_its_reviewers_properly()
        {
            Assert.Throws<ArgumentException>(() => ApprovalStep.AllOf("brand"));
            Assert.Throws<ArgumentException>(() => ApprovalStep.AnyOf("brand"));
            Assert.Throws<ArgumentException>(() => ApprovalStep.AnyOf("brand", "bea", "BEA "));
            Assert.Throws<ArgumentException>(() => ApprovalStep.AnyOf("brand", " "));
            Assert.Throws<ArgumentException>(() => ApprovalStep.Anyone(" "));
            Assert.Throws<ArgumentNullException>(() => ApprovalStep.Anyone(null!));
        }
    }
}
