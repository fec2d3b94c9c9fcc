using Microsoft.CodeAnalysis;
using Presence.Analyzers.Catalog;
using Presence.Compilations;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// Methods a test runner runs: xUnit <c>[Fact]</c>/<c>[Theory]</c>, NUnit <c>[Test]</c>/<c>[TestCase]</c>/
    /// <c>[TestCaseSource]</c>/<c>[Theory]</c>, MSTest <c>[TestMethod]</c>/<c>[DataTestMethod]</c>, and attributes derived
    /// from them (<c>[SkippableFact]</c>). A person starts a test run, and no code calls a test that could confirm for it:
    /// a publish there (usually into a recording handler) is not a site to gate with <c>[RequiresHumanApproval]</c>.
    /// </summary>
    internal static class TestMethods
    {
        // By metadata name, base types included: xUnit's Theory derives from Fact, MSTest's DataTestMethod from TestMethod.
        private static readonly string[] Attributes =
        {
            "Xunit.FactAttribute",
            "NUnit.Framework.TestAttribute", "NUnit.Framework.TestCaseAttribute", "NUnit.Framework.TestCaseSourceAttribute", "NUnit.Framework.TheoryAttribute",
            "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
        };

        /// <summary>True when the compilation references a test framework: a test project, whose code plays every role.</summary>
        public static bool IsTestProject(Compilation compilation)
        {
            foreach (var name in Attributes)
            {
                if (compilation.GetBestTypeByMetadataName(name) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="method"/> is marked as a test. Asked only of a method about to be reported.</summary>
        public static bool IsTest(IMethodSymbol? method)
        {
            if (method is not { MethodKind: MethodKind.Ordinary })
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                foreach (var name in Attributes)
                {
                    if (MetadataNames.IsOrDerivesFrom(attribute.AttributeClass, name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
