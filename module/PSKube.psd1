@{
    # The build (src/PSKube/PSKube.csproj) stamps ModuleVersion from Directory.Build.props into out/PSKube/PSKube.psd1.
    RootModule           = 'PSKube.dll'
    # Imported before the root module: it makes PSKube.Client and YamlDotNet load from dependencies/ in a private
    # load context, which PSKube.dll's types need as soon as PowerShell reads them.
    NestedModules        = @('PSKube.Loader.dll')
    ModuleVersion        = '0.0.0'
    GUID                 = 'eca6df10-a4c4-4e14-aefd-4e3b4fa7d2c5'
    Author               = 'PSKube contributors'
    CompanyName          = 'PSKube'
    Copyright            = '(c) PSKube contributors. All rights reserved.'
    Description          = 'Drive Kubernetes from PowerShell with typed objects and pipelines.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('PSKube.format.ps1xml')
    TypesToProcess       = @('PSKube.types.ps1xml')
    CmdletsToExport      = @(
        'Compare-KubeResource'
        'ConvertFrom-KubeJson'
        'ConvertFrom-KubeYaml'
        'ConvertTo-KubeJson'
        'ConvertTo-KubeYaml'
        'Edit-KubeResource'
        'Get-KubeContext'
        'Get-KubeCronJob'
        'Get-KubeDeployment'
        'Get-KubeDeploymentHistory'
        'Get-KubeEvent'
        'Get-KubeJob'
        'Get-KubeNamespace'
        'Get-KubeNode'
        'Get-KubePod'
        'Get-KubeReplicaSet'
        'Get-KubeResource'
        'Get-KubeService'
        'Get-KubeVersion'
        'New-KubeCronJob'
        'New-KubeDeployment'
        'New-KubeJob'
        'New-KubeNamespace'
        'New-KubePod'
        'New-KubeResource'
        'New-KubeService'
        'Receive-KubeLog'
        'Remove-KubeCronJob'
        'Remove-KubeDeployment'
        'Remove-KubeJob'
        'Remove-KubeNamespace'
        'Remove-KubePod'
        'Remove-KubeResource'
        'Remove-KubeService'
        'Restart-KubeDeployment'
        'Resume-KubeCronJob'
        'Resume-KubeDeployment'
        'Set-KubeAnnotation'
        'Set-KubeContext'
        'Set-KubeImage'
        'Set-KubeLabel'
        'Set-KubeReplicas'
        'Set-KubeResource'
        'Start-KubeCronJob'
        'Suspend-KubeCronJob'
        'Suspend-KubeDeployment'
        'Undo-KubeDeployment'
        'Update-KubeResource'
        'Use-KubeContext'
        'Wait-KubeDeployment'
        'Wait-KubeJob'
        'Wait-KubePod'
        'Invoke-KubeCommand'
        'Enter-KubePod'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Kubernetes', 'kubectl', 'k8s', 'containers')
            ProjectUri = 'https://example.invalid/pskube'
        }
    }
}
