using System;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Presence.Approvals.EntityFrameworkCore
{
    /// <summary>
    /// Values a provider cannot convert to their column's type (a date that is not one, in SQLite's text columns), and
    /// which column holds one, so that a message can name it. The provider's own message is never used: it quotes the value.
    /// </summary>
    internal static class UnreadableValues
    {
        public static bool Is(Exception e) => e is FormatException || e is InvalidCastException || e is OverflowException;

        /// <summary>
        /// The first column of <paramref name="rows"/> (a query already narrowed to the damaged rows) whose value cannot
        /// be read: each mapped column is read alone, so only called after a read failed. Null when each reads alone.
        /// </summary>
        public static async Task<string?> ColumnAsync<TRow>(DbContext context, IQueryable<TRow> rows, CancellationToken cancellationToken)
            where TRow : class
        {
            var entity = context.Model.FindEntityType(typeof(TRow));
            if (entity is null)
            {
                return null;
            }

            foreach (var property in entity.GetProperties())
            {
                if (property.PropertyInfo is not { } info)
                {
                    continue;
                }

                var row = Expression.Parameter(typeof(TRow), "row");
                var select = Expression.Lambda<Func<TRow, object?>>(Expression.Convert(Expression.Property(row, info), typeof(object)), row);
                try
                {
                    await rows.Select(select).ToListAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (Is(e))
                {
                    return property.GetColumnName();
                }
            }

            return null;
        }

        /// <summary>What is wrong, naming the column when it is known: "the column due_at holds a value that cannot be read as its type (FormatException)".</summary>
        public static string Describe(string? column, Exception e)
            => (column is null ? "a column holds" : $"the column {column} holds") + $" a value that cannot be read as its type ({e.GetType().Name})";
    }
}
