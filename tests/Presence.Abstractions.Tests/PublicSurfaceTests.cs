using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Presence.Abstractions.Tests.Support;

namespace Presence.Abstractions.Tests
{
    /// <summary>What user code can and cannot do with the runtime's types, checked by reflection.</summary>
    public class PublicSurfaceTests
    {
        private static readonly Assembly Runtime = typeof(ApprovalLedger).Assembly;

        private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

        [Theory]
        [InlineData(typeof(Approved<>))]
        [InlineData(typeof(RedeemResult<>))]
        public void A_token_cannot_be_constructed_by_user_code(Type type)
        {
            Assert.True(type.IsSealed);
            Assert.DoesNotContain(type.GetConstructors(Everything), c => c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly);
        }

        [Fact]
        public void A_token_has_no_settable_state()
        {
            var type = typeof(Approved<>);

            Assert.All(type.GetProperties(Everything), property => Assert.True(property.SetMethod is null, $"{property.Name} has a setter"));
            Assert.DoesNotContain(type.GetFields(Everything), field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly);
            Assert.DoesNotContain(
                type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly),
                method => !method.IsSpecialName && method.Name is not (nameof(Approved<string>.Covers) or nameof(ToString)));
        }

        [Fact]
        public async Task A_tokens_reviewers_cannot_be_changed_through_the_list()
        {
            var bench = new Workbench();
            var token = await bench.TokenAsync("Hello");

            var list = Assert.IsAssignableFrom<IList<string>>(token.Reviewers);
            Assert.Throws<NotSupportedException>(() => list.Add("mallory"));
            Assert.Throws<NotSupportedException>(() => list[0] = "mallory");
            Assert.Equal(new[] { Workbench.Reviewer }, token.Reviewers);
        }

        [Fact]
        public void The_confirmations_are_marked_for_the_analyzers()
        {
            var ledger = typeof(ApprovalLedger);

            Assert.NotNull(ledger.GetMethod(nameof(ApprovalLedger.TryRedeemAsync))!.GetCustomAttribute<HumanConfirmationAttribute>());
            Assert.NotNull(ledger.GetMethod(nameof(ApprovalLedger.AskNowAsync))!.GetCustomAttribute<HumanConfirmationAttribute>());
            Assert.NotNull(typeof(IApprovalPrompt).GetMethod(nameof(IApprovalPrompt.AskAsync))!.GetCustomAttribute<HumanConfirmationAttribute>());
            var redeem = ledger.GetMethod(nameof(ApprovalLedger.RedeemAsync))!.GetCustomAttribute<HumanConfirmationAttribute>();
            Assert.Equal(nameof(RedeemResult<string>.IsRedeemed), redeem!.ApprovalProperty);
        }

        [Fact]
        public void The_assembly_depends_on_nothing_but_netstandard()
        {
            Assert.All(Runtime.GetReferencedAssemblies(), reference => Assert.Equal("netstandard", reference.Name));
        }

        [Fact]
        public void The_public_surface_is_callable_from_CSharp_7_3()
        {
            foreach (var type in Runtime.GetExportedTypes())
            {
                Assert.Equal("Presence", type.Namespace);
                Assert.Null(type.GetCustomAttribute<RequiredMemberAttribute>());

                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
                {
                    var initOnly = property.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ?? false;
                    Assert.False(initOnly, $"{type.Name}.{property.Name} has an init accessor");
                }

                if (type.IsInterface)
                {
                    Assert.All(type.GetMethods(Everything | BindingFlags.DeclaredOnly), method =>
                        Assert.True(method.IsAbstract && !method.IsStatic, $"{type.Name}.{method.Name} is a default or static interface member"));
                }
            }
        }
    }
}
