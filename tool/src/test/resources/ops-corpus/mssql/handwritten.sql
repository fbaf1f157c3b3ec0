CREATE TABLE [dbo].[Customer] (
    [Id] INT IDENTITY(1,1) NOT NULL,
    [Name] NVARCHAR(200) NOT NULL,
    [Email] NVARCHAR(320) NULL,
    [RowVersion] ROWVERSION NOT NULL,
    CONSTRAINT [PK_Customer] PRIMARY KEY CLUSTERED ([Id] ASC)
)
GO
CREATE NONCLUSTERED INDEX [IX_Customer_Email] ON [dbo].[Customer] ([Email]) WITH (ONLINE = ON)
GO
ALTER TABLE [dbo].[Customer] ADD [Phone] NVARCHAR(40) NULL, [Vip] BIT NOT NULL CONSTRAINT [DF_Customer_Vip] DEFAULT (0)
GO
ALTER TABLE [dbo].[Customer] ALTER COLUMN [Name] NVARCHAR(300) NOT NULL
GO
ALTER TABLE [dbo].[Order] WITH CHECK ADD CONSTRAINT [FK_Order_Customer] FOREIGN KEY ([CustomerId]) REFERENCES [dbo].[Customer] ([Id])
GO
ALTER TABLE [dbo].[Order] CHECK CONSTRAINT [FK_Order_Customer]
GO
ALTER TABLE [dbo].[Customer] DROP CONSTRAINT [DF_Customer_Vip]
GO
ALTER TABLE [dbo].[Customer] DROP COLUMN [Vip]
GO
DROP INDEX [IX_Customer_Email] ON [dbo].[Customer]
GO
EXEC sp_rename 'dbo.Customer.Phone', 'PhoneNumber', 'COLUMN'
GO
IF NOT EXISTS (SELECT * FROM sys.columns WHERE Name = N'Notes' AND Object_ID = Object_ID(N'dbo.Customer'))
    ALTER TABLE [dbo].[Customer] ADD [Notes] NVARCHAR(MAX) NULL
GO
