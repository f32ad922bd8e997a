import { z } from "zod";
import type { CodeFields } from "./schemas";
import { zodText } from "../i18n/text";

/**
 * Built-in codebooks from the research framework (FRAMEWORK.md §3). Short names are stable
 * identifiers (exports, CLI, REFI-QDA) and unique across all templates, so applying several
 * templates to one project never collides. Definitions and criteria are bilingual: English
 * first line, Chinese second line. Keywords seed the keyword-suggestion engine; they are a
 * starting point the researcher edits, not a dictionary of the concept.
 */

export const TEMPLATE_KEYS = [
  "3co",
  "visions",
  "mechanisms",
  "hi-lenses",
  "strategies",
  "passiveness",
  "mismatches",
  "trajectories",
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const templateKeySchema = z.enum(TEMPLATE_KEYS, {
  message: zodText(`template must be one of ${TEMPLATE_KEYS.join(", ")}`, `模板须为 ${TEMPLATE_KEYS.join("、")} 之一`),
});

/** A template's code: the code's fields (codeFieldsSchema) and its sub-codes. */
export type TemplateCode = Omit<CodeFields, "keywords"> & {
  keywords: readonly string[];
  children?: readonly TemplateCode[];
};

export type CodebookTemplate = {
  key: TemplateKey;
  labelZh: string;
  labelEn: string;
  /** The code group (set) every code of the template joins. */
  group: { name: string; labelZh: string };
  codes: readonly TemplateCode[];
};

/** Templates a new project starts with. */
export const DEFAULT_TEMPLATE_KEYS: TemplateKey[] = ["3co", "mismatches"];

const bi = (en: string, zh: string): string => `${en}\n${zh}`;

type Text = { en: string; zh: string };
function code(
  shortName: string,
  labelZh: string,
  labelEn: string,
  color: string,
  t: { definition: Text; inclusion: Text; exclusion: Text; example: string; keywords: readonly string[] },
  children?: readonly TemplateCode[],
): TemplateCode {
  return {
    shortName,
    labelZh,
    labelEn,
    color,
    definition: bi(t.definition.en, t.definition.zh),
    inclusion: bi(t.inclusion.en, t.inclusion.zh),
    exclusion: bi(t.exclusion.en, t.exclusion.zh),
    example: t.example,
    keywords: t.keywords,
    ...(children ? { children } : {}),
  };
}

// ---------------------------------------------------------------- 3-CO policy orientations

const THREE_CO: readonly TemplateCode[] = [
  code(
    "COE",
    "共存",
    "Coexistence",
    "#2e7d32",
    {
      definition: {
        en: "Policies that let the cities of a mega-region live side by side: deciding where growth goes, what each city does, and how shared environmental and resource pressures are carried.",
        zh: "使城市群内各城市得以并存的政策：安排增长的空间去向与各城市的分工，并共同承担环境与资源压力。",
      },
      inclusion: {
        en: "Passages on the region's spatial order, city roles, pollution or resources that no sub-theme fits; prefer a sub-theme whenever one applies.",
        zh: "涉及区域空间秩序、城市分工、污染或资源而无法归入子主题的段落；能归入子主题时优先使用子主题。",
      },
      exclusion: {
        en: "Physical links between cities (CON); joint projects between cities (COO).",
        zh: "城市之间的交通等物理联系（CON）；城市之间的合作项目（COO）。",
      },
      example: "优化城市群空间格局，推动大中小城市和小城镇协调发展。",
      keywords: [],
    },
    [
      code("COE-1", "重构区域空间格局", "Restructuring regional spatial patterns", "#43a047", {
        definition: {
          en: "Statements that redraw the spatial structure of the region — axes, belts, growth poles, clusters of towns — and name the cities that anchor it.",
          zh: "重新勾画区域空间结构（发展轴、发展带、增长极、城镇组团）并指明支撑城市的表述。",
        },
        inclusion: {
          en: "Named spatial structures (e.g. 一核两翼), development axes, the rank of cities in the urban system, new areas that shift the region's centre of gravity.",
          zh: "具名的空间结构（如“一核两翼”）、发展轴、城镇体系中的城市等级、改变区域重心的新区。",
        },
        exclusion: {
          en: "A single city's internal land-use plan; a city's function stated without a spatial claim (COE-2).",
          zh: "单个城市内部的用地规划；只说明城市职能而不涉及空间结构的表述（COE-2）。",
        },
        example: "构建“一核两翼多节点”的空间格局，支持沿线节点城市加快发展。",
        keywords: ["空间格局", "空间布局", "空间结构", "城镇体系", "发展轴", "增长极", "多中心", "组团", "节点城市"],
      }),
      code("COE-2", "重新定位城市功能", "Repositioning functional roles", "#66bb6a", {
        definition: {
          en: "Assigning or changing what a city is for within the region: its economic specialisation, administrative role or service function.",
          zh: "确定或调整某城市在区域中的职能，包括其经济专业化方向、行政角色或服务功能。",
        },
        inclusion: {
          en: "Functional positioning, division of labour between core and secondary cities, moving non-core functions out of a core.",
          zh: "城市功能定位、核心城市与次级城市之间的分工、核心城市非核心功能的疏解。",
        },
        exclusion: {
          en: "Relocating particular industries or firms as a joint project (COO-3); purely spatial layout (COE-1).",
          zh: "作为合作项目的具体产业或企业转移（COO-3）；单纯的空间布局（COE-1）。",
        },
        example: "明确本市区域中心城市的功能定位，重点发展先进制造业和现代物流业。",
        keywords: ["功能定位", "城市定位", "错位发展", "分工协作", "功能疏解", "非首都功能", "副中心", "区域中心城市"],
      }),
      code("COE-3", "治理环境污染与灾害", "Managing environmental pollution and hazards", "#81c784", {
        definition: {
          en: "Shared responses to pollution and natural hazards that cross city boundaries, such as air, water and soil pollution, floods or ecological damage.",
          zh: "针对跨越城市边界的污染与自然灾害的共同应对，如大气、水和土壤污染，洪涝或生态破坏。",
        },
        inclusion: {
          en: "Joint prevention and control, river-basin or airshed governance, ecological barriers and compensation, disaster prevention.",
          zh: "联防联控、流域或区域大气治理、生态屏障与生态补偿、防灾减灾。",
        },
        exclusion: {
          en: "Energy supply and resource depletion (COE-4); heritage or scenic areas conserved as a shared asset (COO-2).",
          zh: "能源供应与资源枯竭（COE-4）；作为共同资产加以保护的遗产或风景区（COO-2）。",
        },
        example: "建立区域大气污染联防联控机制，统一重污染天气预警标准。",
        keywords: ["大气污染", "联防联控", "生态环境", "水污染", "流域治理", "生态屏障", "生态补偿", "环境治理", "防灾减灾"],
      }),
      code("COE-4", "应对能源与自然资源危机", "Responding to energy and natural-resource crises", "#a5d6a7", {
        definition: {
          en: "Policies on scarce or exhausted energy, water, land and mineral resources, and on the transition of cities that depend on them.",
          zh: "应对能源、水、土地和矿产资源短缺或枯竭，以及资源依赖型城市转型的政策。",
        },
        inclusion: {
          en: "Energy security and supply, water allocation between cities, resource-exhausted cities, energy saving framed as a resource constraint.",
          zh: "能源安全与供应、城市间水资源调配、资源枯竭型城市、以资源约束为出发点的节能减排。",
        },
        exclusion: {
          en: "Pollution control (COE-3); pipelines and grids described mainly as links between cities (CON).",
          zh: "污染治理（COE-3）；主要作为城市间联系来描述的管网和电网（CON）。",
        },
        example: "推动资源枯竭型城市转型发展，保障区域能源和水资源安全。",
        keywords: ["能源", "水资源", "资源枯竭", "资源型城市", "能源安全", "节能减排", "煤炭", "矿产资源", "土地资源"],
      }),
    ],
  ),
  code(
    "CON",
    "连通",
    "Connectivity",
    "#1565c0",
    {
      definition: {
        en: "Policies that tie the cities of a mega-region together through flows of people, goods, capital and information.",
        zh: "通过人流、物流、资金流和信息流把城市群内各城市联结起来的政策。",
      },
      inclusion: {
        en: "Passages on linking cities that no sub-theme fits; prefer a sub-theme whenever one applies.",
        zh: "涉及城市之间联系而无法归入子主题的段落；能归入子主题时优先使用子主题。",
      },
      exclusion: {
        en: "What cities do together once linked (COO); where things are placed (COE).",
        zh: "联通之后城市之间共同开展的事项（COO）；空间布局本身（COE）。",
      },
      example: "加快推进基础设施互联互通，促进要素在城市群内自由流动。",
      keywords: [],
    },
    [
      code("CON-1", "构建综合交通运输体系", "Building a comprehensive transportation system", "#1e88e5", {
        definition: {
          en: "Building the transport network between cities — railways, roads, airports, ports and hubs — and integrating it into one system.",
          zh: "建设城市之间的交通网络（铁路、公路、机场、港口和枢纽）并使之成为一体化的体系。",
        },
        inclusion: {
          en: "New or upgraded lines and hubs, commuting circles, integrated ticketing or operation, freight corridors.",
          zh: "新建或改造的线路与枢纽、通勤圈、一体化票务或运营、货运通道。",
        },
        exclusion: {
          en: "Transport inside one city with no regional link; digital networks (CON-3).",
          zh: "不具区域联系的城市内部交通；数字网络（CON-3）。",
        },
        example: "加快建设连接省会与周边城市的城际铁路，构建一小时交通圈。",
        keywords: ["高速铁路", "城际铁路", "机场", "公路", "轨道交通", "交通网络", "高速公路", "港口", "交通枢纽", "一小时交通圈"],
      }),
      code("CON-2", "促进劳动力流动与市场开放", "Encouraging labour flows and open markets", "#42a5f5", {
        definition: {
          en: "Removing barriers to the movement of workers, firms, goods and capital between cities, so that labour and product markets work as one.",
          zh: "消除劳动力、企业、商品和资本在城市之间流动的障碍，使劳动力市场和商品市场一体运行。",
        },
        inclusion: {
          en: "Household registration and portability of social insurance, unified market access, mutual recognition of licences, customs facilitation.",
          zh: "户籍与社会保险转移接续、统一市场准入、资质互认、通关便利化。",
        },
        exclusion: {
          en: "Physical transport (CON-1); sharing schools, hospitals and other public services (COO-4).",
          zh: "交通设施（CON-1）；学校、医院等公共服务共享（COO-4）。",
        },
        example: "推进社会保险关系跨市转移接续，建立统一开放的人力资源市场。",
        keywords: ["劳动力", "人才流动", "户籍", "统一市场", "市场一体化", "要素流动", "市场准入", "转移接续", "通关"],
      }),
      code("CON-3", "建立信息联系", "Creating informational connections", "#64b5f6", {
        definition: {
          en: "Connecting cities through information infrastructure and data: networks, platforms and shared databases.",
          zh: "通过信息基础设施与数据把城市联系起来：网络、平台与共享数据库。",
        },
        inclusion: {
          en: "Telecom and broadband networks, regional data centres, shared government information platforms, links between smart-city systems.",
          zh: "通信与宽带网络、区域数据中心、政务信息共享平台、智慧城市系统互联。",
        },
        exclusion: {
          en: "Innovation cooperation between research bodies (COO-1).",
          zh: "科研机构之间的创新合作（COO-1）。",
        },
        example: "建设城市群政务数据共享平台，实现企业登记信息互通互认。",
        keywords: ["信息化", "信息共享", "互联网", "宽带", "通信网络", "数据共享", "智慧城市", "信息平台", "5G"],
      }),
    ],
  ),
  code(
    "COO",
    "合作",
    "Cooperation",
    "#e65100",
    {
      definition: {
        en: "Policies in which cities act jointly — sharing knowledge, industries, heritage and services — rather than merely coexisting or being linked.",
        zh: "城市之间共同行动的政策，即共享知识、产业、遗产和公共服务，而不只是并存或相连。",
      },
      inclusion: {
        en: "Joint action by two or more cities that no sub-theme fits; prefer a sub-theme whenever one applies.",
        zh: "两个及以上城市的共同行动而无法归入子主题的段落；能归入子主题时优先使用子主题。",
      },
      exclusion: {
        en: "Infrastructure links (CON); functions allocated by a higher level (COE-2).",
        zh: "基础设施联系（CON）；由上级安排的功能分工（COE-2）。",
      },
      example: "深化城市间务实合作，建立利益共享的区域合作机制。",
      keywords: [],
    },
    [
      code("COO-1", "创新与知识合作", "Innovation and knowledge", "#ef6c00", {
        definition: {
          en: "Cooperation that produces or spreads knowledge: joint research, innovation platforms, technology transfer and exchange of talent.",
          zh: "产生或扩散知识的合作：联合研究、创新平台、技术转移和人才交流。",
        },
        inclusion: {
          en: "Innovation communities and corridors, university–industry cooperation across cities, commercialising research results in secondary cities.",
          zh: "创新共同体与创新走廊、跨城市的产学研合作、科研成果在次级城市转化。",
        },
        exclusion: {
          en: "Data networks as infrastructure (CON-3); relocating industry with no knowledge element (COO-3).",
          zh: "作为基础设施的数据网络（CON-3）；不含知识要素的产业转移（COO-3）。",
        },
        example: "共建科技成果转化基地，推动核心城市创新资源向周边城市延伸。",
        keywords: ["科技创新", "协同创新", "创新共同体", "研发", "高校", "科研院所", "技术转移", "成果转化", "创新平台"],
      }),
      code("COO-2", "保护文化与自然遗产", "Conserving cultural and natural heritage", "#fb8c00", {
        definition: {
          en: "Joint protection and use of cultural and natural heritage shared by several cities, including landscapes, historic sites and tourism routes.",
          zh: "多个城市共同保护和利用其共有的文化与自然遗产，包括景观、历史遗迹和旅游线路。",
        },
        inclusion: {
          en: "Heritage corridors across cities, shared scenic areas, joint tourism brands, protection of intangible heritage.",
          zh: "跨城市的遗产廊道、共有风景区、联合旅游品牌、非物质文化遗产保护。",
        },
        exclusion: {
          en: "Pollution control and ecological barriers (COE-3).",
          zh: "污染治理与生态屏障建设（COE-3）。",
        },
        example: "联合打造大运河文化带精品旅游线路，共同保护沿线历史文化遗产。",
        keywords: ["文化遗产", "历史文化", "自然遗产", "风景名胜", "文化旅游", "旅游线路", "非物质文化遗产", "文物保护", "自然保护区"],
      }),
      code("COO-3", "产业集群协作", "Collaborating industrial clusters", "#ffa726", {
        definition: {
          en: "Cooperation along industrial chains: relocating, co-locating and jointly developing industries and parks so that cities supply and complement one another.",
          zh: "沿产业链开展的合作：转移、集聚和共建产业与园区，使各城市产业相互配套、相互补充。",
        },
        inclusion: {
          en: "Industrial relocation and its reception, jointly built parks, enclave economies, supplier networks around a core's leading firms.",
          zh: "产业转移与承接、园区共建、飞地经济、围绕核心城市龙头企业的配套协作。",
        },
        exclusion: {
          en: "Knowledge-based cooperation (COO-1); the function a city is assigned (COE-2).",
          zh: "以知识为主的合作（COO-1）；城市被赋予的功能定位（COE-2）。",
        },
        example: "主动承接核心城市产业转移，共建产业园区，完善汽车零部件配套产业链。",
        keywords: ["产业集群", "产业转移", "产业链", "园区共建", "产业协作", "承接产业", "飞地经济", "配套产业", "产业分工"],
      }),
      code("COO-4", "共享公共服务", "Sharing public services", "#ffb74d", {
        definition: {
          en: "Sharing public services between cities so that residents of secondary cities get close to the quality found in the cores.",
          zh: "城市之间共享公共服务，使次级城市居民享有接近核心城市水平的服务。",
        },
        inclusion: {
          en: "Hospital alliances and cross-city medical billing, school partnerships, elderly care, joint emergency services.",
          zh: "医疗联合体与异地就医结算、学校结对合作、养老服务、联合应急服务。",
        },
        exclusion: {
          en: "Portability of social insurance as a condition of labour mobility (CON-2).",
          zh: "作为劳动力流动条件的社会保险转移接续（CON-2）。",
        },
        example: "推动省会优质医疗资源向周边城市延伸，实现异地就医直接结算。",
        keywords: ["公共服务", "教育", "医疗", "养老", "异地就医", "优质资源共享", "基本公共服务均等化", "医联体", "社会保障"],
      }),
    ],
  ),
];

// ---------------------------------------------------------------- visions

const VISIONS: readonly TemplateCode[] = [
  code("V-POLY", "形态多中心", "Morphological polycentricity", "#6a1b9a", {
    definition: {
      en: "A vision of the region as several centres of different sizes rather than one dominant city.",
      zh: "把城市群设想为由若干规模不同的中心组成，而不是由单一城市主导。",
    },
    inclusion: {
      en: "Multiple centres, sub-centres, node cities, a balanced hierarchy of city sizes.",
      zh: "多中心、副中心、节点城市、均衡的城镇规模体系。",
    },
    exclusion: {
      en: "Flows between the centres (V-FLOW); the division of functions among them (V-COMP).",
      zh: "中心之间的流动（V-FLOW）；中心之间的功能分工（V-COMP）。",
    },
    example: "形成以省会为核心、多个区域中心城市为支撑的多中心网络化格局。",
    keywords: ["多中心", "多极", "网络化", "城镇体系", "中小城市", "节点城市", "副中心", "次中心"],
  }),
  code("V-FLOW", "流动多向性", "Flow multi-directionality", "#8e24aa", {
    definition: {
      en: "A vision in which people, goods, capital and knowledge move in several directions between cities, including from secondary cities towards the cores.",
      zh: "设想人、物、资本和知识在城市之间多向流动，包括从次级城市流向核心城市。",
    },
    inclusion: {
      en: "Two-way or networked flows, spillover and feedback, reciprocal exchange.",
      zh: "双向或网络化的流动、溢出与反馈、相互交流。",
    },
    exclusion: {
      en: "The number and size of centres (V-POLY); the roles they play (V-COMP).",
      zh: "中心的数量与规模（V-POLY）；各中心承担的角色（V-COMP）。",
    },
    example: "促进人才、资本、技术等要素在核心城市与周边城市之间双向流动。",
    keywords: ["要素流动", "双向流动", "辐射带动", "人流", "物流", "资金流", "信息流", "互联互通", "溢出"],
  }),
  code("V-COMP", "功能互补", "Functional complementarity", "#ab47bc", {
    definition: {
      en: "A vision in which cities specialise in different, mutually supporting functions instead of competing for the same ones.",
      zh: "设想各城市承担不同且相互支撑的职能，而不是在相同领域相互竞争。",
    },
    inclusion: {
      en: "Complementary advantages, differentiated development, division of labour among cities.",
      zh: "优势互补、错位发展、城市之间的分工协作。",
    },
    exclusion: {
      en: "The spatial arrangement of centres (V-POLY); flows between them (V-FLOW).",
      zh: "中心的空间安排（V-POLY）；中心之间的流动（V-FLOW）。",
    },
    example: "发挥各市比较优势，推动形成错位发展、优势互补的产业格局。",
    keywords: ["功能互补", "优势互补", "错位发展", "分工", "差异化", "比较优势", "协作配套"],
  }),
];

// ---------------------------------------------------------------- mechanisms of action plans

const MECHANISMS: readonly TemplateCode[] = [
  code("MECH-SPACE", "确定空间配置", "Determining spatial configurations", "#00695c", {
    definition: {
      en: "The action-plan mechanism behind coexistence (COE): fixing where development, protection and new areas go in the region.",
      zh: "共存主题（COE）背后的行动机制：确定区域中开发、保护与新区的空间位置。",
    },
    inclusion: {
      en: "Designating zones, new areas, development boundaries, priority development or protection areas.",
      zh: "划定功能区、新区、开发边界、优先开发区或保护区。",
    },
    exclusion: {
      en: "Measures that shorten travel between places (MECH-ACCESS); moving functions between cities (MECH-FUNC).",
      zh: "缩短地点之间通行时间的措施（MECH-ACCESS）；城市之间的功能转移（MECH-FUNC）。",
    },
    example: "划定生态保护红线和城镇开发边界，引导新增建设用地向节点城市集中。",
    keywords: ["空间配置", "主体功能区", "国土空间规划", "开发边界", "生态保护红线", "建设用地", "新区", "规划布局"],
  }),
  code("MECH-ACCESS", "提升区域可达性", "Improving regional accessibility", "#00897b", {
    definition: {
      en: "The action-plan mechanism behind connectivity (CON): making secondary cities quicker and easier to reach from the cores and from each other.",
      zh: "连通主题（CON）背后的行动机制：使次级城市与核心城市之间、次级城市彼此之间的通达更加便捷。",
    },
    inclusion: {
      en: "Cutting travel times, new corridors, commuting circles, closing missing road links.",
      zh: "缩短通行时间、新建通道、建设通勤圈、打通“断头路”。",
    },
    exclusion: {
      en: "Zoning and land allocation (MECH-SPACE); relocating functions (MECH-FUNC).",
      zh: "用地划定与分配（MECH-SPACE）；功能转移（MECH-FUNC）。",
    },
    example: "打通省际“断头路”，实现与核心城市一小时通达。",
    keywords: ["可达性", "通达", "通勤圈", "断头路", "互联互通", "同城化", "快速通道", "交通便捷"],
  }),
  code("MECH-FUNC", "重新分配城市功能", "Redistributing urban functions", "#26a69a", {
    definition: {
      en: "The action-plan mechanism behind cooperation (COO): shifting functions, firms and institutions from the cores to secondary cities, or sharing them.",
      zh: "合作主题（COO）背后的行动机制：把功能、企业和机构从核心城市转移到次级城市，或与之共享。",
    },
    inclusion: {
      en: "Relocating administrative, educational, medical or industrial functions; branch campuses and hospitals; enclave parks.",
      zh: "行政、教育、医疗或产业功能的转移；分校与分院；飞地园区。",
    },
    exclusion: {
      en: "Transport links (MECH-ACCESS); zoning (MECH-SPACE).",
      zh: "交通联系（MECH-ACCESS）；空间划定（MECH-SPACE）。",
    },
    example: "有序承接核心城市疏解的高校、医院和企业总部。",
    keywords: ["疏解", "功能转移", "承接", "搬迁", "外溢", "分校", "分院", "总部迁移"],
  }),
];

// ---------------------------------------------------------------- historical-institutionalist lenses

const HI_LENSES: readonly TemplateCode[] = [
  code("HI-PATH", "路径依赖", "Path dependency", "#5d4037", {
    definition: {
      en: "Evidence that earlier choices keep shaping later ones: a plan, project or arrangement is continued, deepened or reproduced across stages.",
      zh: "早期选择持续影响后续选择的证据：规划、项目或制度安排在不同阶段被延续、深化或复制。",
    },
    inclusion: {
      en: "Continuing earlier strategies, flagship projects that recur, arrangements that outlive their original purpose.",
      zh: "延续既有战略、反复出现的标志性项目、超出初始目的而延续的制度安排。",
    },
    exclusion: {
      en: "A break that opens a new stage (HI-JUNCTURE).",
      zh: "开启新阶段的转折（HI-JUNCTURE）。",
    },
    example: "继续深入实施既定区域发展战略，巩固业已形成的发展格局。",
    keywords: ["继续", "延续", "巩固", "坚持", "持续推进", "深入实施", "一以贯之"],
  }),
  code("HI-JUNCTURE", "关键节点", "Critical juncture", "#8d6e63", {
    definition: {
      en: "A moment when a decision, approval or event opens a new stage and narrows the choices that follow.",
      zh: "某项决定、批复或事件开启新阶段并限定此后选择范围的时刻。",
    },
    inclusion: {
      en: "National approval of a regional plan, creation of a new area, a city raised in status, a major reform or flagship project announced.",
      zh: "区域规划获国家批复、设立新区、城市地位提升、宣布重大改革或标志性项目。",
    },
    exclusion: {
      en: "Gradual adjustment within a stage (HI-CHANGE).",
      zh: "阶段内部的渐进调整（HI-CHANGE）。",
    },
    example: "国务院正式批复区域规划，城市群发展上升为国家战略。",
    keywords: ["批复", "获批", "设立", "首次", "正式启动", "国家战略", "重大改革", "里程碑"],
  }),
  code("HI-CHANGE", "渐进与内生变迁", "Incremental and endogenous change", "#a1887f", {
    definition: {
      en: "Change that accumulates within a stage through small adjustments, reinterpretation of existing rules or pressure from actors inside the system.",
      zh: "通过小幅调整、对既有规则的重新诠释或体制内部行动者的推动，在阶段内部逐步积累的变化。",
    },
    inclusion: {
      en: "Pilot schemes, a policy extended step by step to more cities, an existing goal reframed.",
      zh: "试点示范、政策逐步推广到更多城市、既有目标被重新表述。",
    },
    exclusion: {
      en: "Abrupt breaks (HI-JUNCTURE); plain continuation (HI-PATH).",
      zh: "突变式转折（HI-JUNCTURE）；单纯的延续（HI-PATH）。",
    },
    example: "在总结试点经验的基础上，逐步将同城化改革扩展到周边县市。",
    keywords: ["试点", "探索", "逐步", "调整", "完善", "先行先试", "改革创新"],
  }),
];

// ---------------------------------------------------------------- entrepreneurial strategies

const STRATEGIES: readonly TemplateCode[] = [
  code("EXT", "争取外部支持", "External support", "#ad1457", {
    definition: {
      en: "A secondary city seeks resources from outside: national or provincial support, investment from the cores, relocated firms or outside capital.",
      zh: "次级城市从外部争取资源：国家或省级支持、核心城市投资、转移企业或外来资本。",
    },
    inclusion: {
      en: "Lobbying to be included in national plans, attracting investment, receiving relocated functions, paired assistance.",
      zh: "争取纳入国家规划、招商引资、承接转移功能、对口支援。",
    },
    exclusion: {
      en: "Relying on local assets (INT); growing into a metropolitan centre (MET).",
      zh: "依靠本地资源（INT）；发展为都市区中心（MET）。",
    },
    example: "积极争取国家重大项目布局，加大对核心城市产业和资本的招引力度。",
    keywords: ["争取", "国家支持", "对口支援", "招商引资", "承接", "政策倾斜", "重大项目", "央企合作"],
  }),
  code("INT", "挖掘内部资源", "Mobilizing internal resources", "#d81b60", {
    definition: {
      en: "A secondary city builds on its own assets — local industries, natural resources, firms and institutions — to develop.",
      zh: "次级城市立足自身资源（本地产业、自然资源、企业和机构）谋求发展。",
    },
    inclusion: {
      en: "Upgrading traditional industries, local entrepreneurship, county economies, distinctive local brands.",
      zh: "传统产业升级、本地创业、县域经济、地方特色品牌。",
    },
    exclusion: {
      en: "Resources brought in from outside (EXT).",
      zh: "从外部引入的资源（EXT）。",
    },
    example: "立足钢铁、装备制造等传统优势，培育壮大本地民营企业。",
    keywords: ["内生动力", "特色产业", "民营经济", "县域经济", "优势资源", "传统产业", "自主创新", "本地企业"],
  }),
  code("MET", "都市化", "Metropolization", "#ec407a", {
    definition: {
      en: "A secondary city tries to become a metropolitan centre in its own right by enlarging its core, its population and its administrative reach.",
      zh: "次级城市通过扩大中心城区、人口规模和行政辖区，力图使自身成为都市区中心。",
    },
    inclusion: {
      en: "Turning counties into districts, expanding the central city, building a metropolitan area around itself, raising primacy.",
      zh: "撤县设区、中心城区扩容、围绕自身建设都市圈、提高城市首位度。",
    },
    exclusion: {
      en: "Development plans of the core cities themselves.",
      zh: "核心城市自身的发展规划。",
    },
    example: "推进撤县设区，拓展中心城区发展空间，加快建设区域性中心城市。",
    keywords: ["都市圈", "都市区", "中心城区", "撤县设区", "城市能级", "扩容提质", "首位度", "做大做强"],
  }),
];

// ---------------------------------------------------------------- passiveness

const PASSIVENESS: readonly TemplateCode[] = [
  code("PASS-CLUB", "被动加入城市群", "Passive in joining the mega-regional club", "#455a64", {
    definition: {
      en: "A secondary city enters the mega-region because a higher level or a core drew the boundary, not through its own initiative.",
      zh: "次级城市因上级或核心城市划定范围而被纳入城市群，并非出于自身主动。",
    },
    inclusion: {
      en: "Being included or covered by a plan, waiting to be added, joining on terms set by others.",
      zh: "被规划“纳入”或“覆盖”、等待被列入、按他人设定的条件加入。",
    },
    exclusion: {
      en: "Active lobbying to be included (EXT).",
      zh: "主动争取纳入（EXT）。",
    },
    example: "我市被纳入城市群规划范围，将按照规划要求做好对接工作。",
    keywords: ["纳入", "列入", "覆盖", "融入", "按照规划要求", "范围内"],
  }),
  code("PASS-SPILL", "被动争夺溢出资源", "Passive in competing for spillover resources", "#607d8b", {
    definition: {
      en: "A secondary city waits for resources to spill over from the cores instead of competing for them on its own terms.",
      zh: "次级城市等待核心城市的资源外溢，而不是按自身条件主动争取。",
    },
    inclusion: {
      en: "Expecting to be driven by the core's radiation, hoping for relocated industry without preparing for it, competing on cost alone.",
      zh: "期待核心城市辐射带动、未作准备地等待产业转移、仅凭成本优势竞争。",
    },
    exclusion: {
      en: "Deliberate strategies to attract particular resources (EXT).",
      zh: "吸引特定资源的主动策略（EXT）。",
    },
    example: "充分接受核心城市辐射带动，承接其外溢的一般制造业。",
    keywords: ["辐射带动", "溢出", "外溢", "接受辐射", "承接转移", "疏解", "带动作用"],
  }),
  code("PASS-PARTNER", "被动与核心城市合作", "Passive in partnering with the cores", "#90a4ae", {
    definition: {
      en: "A secondary city cooperates with the cores as a junior partner that follows and serves, with little say over the terms.",
      zh: "次级城市以从属伙伴身份与核心城市合作，跟随并服务于后者，对合作条件缺少话语权。",
    },
    inclusion: {
      en: "Serving the core's needs (water, land, ecology), carrying out agreements drafted elsewhere, one-sided support.",
      zh: "服务核心城市的需求（水源、用地、生态）、执行他人拟定的协议、单方面支持。",
    },
    exclusion: {
      en: "Balanced cooperation with gains on both sides (COO).",
      zh: "互利均衡的合作（COO）。",
    },
    example: "全力做好服务核心城市工作，为其提供水源涵养和生态屏障。",
    keywords: ["服务", "配合", "对接", "保障", "衔接", "水源涵养", "服务首都"],
  }),
];

// ---------------------------------------------------------------- governance mismatches

const MISMATCHES: readonly TemplateCode[] = [
  code("PLACE", "地方错配", "Place mismatch", "#b71c1c", {
    definition: {
      en: "A gap between where a policy expects its benefits to reach and the capacity of those places to take them up.",
      zh: "政策预期惠及的地方与这些地方实际承接能力之间的落差。",
    },
    inclusion: {
      en: "Region-wide promises to places with weak infrastructure, finances or skills; benefits that stop at the core or its nearest ring.",
      zh: "向基础设施、财力或人才薄弱地区作出的全域性承诺；止步于核心城市或其近邻的收益。",
    },
    exclusion: {
      en: "Conflicting goals (PRIORITY); conflicts over authority (ACTOR).",
      zh: "目标冲突（PRIORITY）；权力冲突（ACTOR）。",
    },
    example: "规划提出辐射带动全域发展，但外围城市基础设施薄弱，承接能力明显不足。",
    keywords: ["承接能力", "基础薄弱", "全域", "惠及", "覆盖", "发展差距", "虹吸效应", "能力不足"],
  }),
  code("PRIORITY", "优先次序错配", "Priority mismatch", "#d32f2f", {
    definition: {
      en: "A gap between the stated goal of balanced regional development and incentives that reward each city's own growth.",
      zh: "区域均衡发展的既定目标与奖励各城市自身增长的激励之间的落差。",
    },
    inclusion: {
      en: "GDP-based evaluation, neighbours competing for investment, core cities absorbing resources.",
      zh: "以 GDP 为主的考核、相邻城市争夺投资、核心城市虹吸资源。",
    },
    exclusion: {
      en: "Lack of capacity (PLACE); lack of authority (ACTOR).",
      zh: "能力不足（PLACE）；权力不足（ACTOR）。",
    },
    example: "各市仍以经济增速为主要考核指标，协同发展让位于招商引资竞争。",
    keywords: ["协调发展", "均衡发展", "经济增长", "GDP", "考核", "增速", "竞争", "招商引资"],
  }),
  code("ACTOR", "行动者错配", "Actor mismatch", "#e57373", {
    definition: {
      en: "A gap caused by unequal power between governments and by weak institutions for coordinating them.",
      zh: "政府之间权力不对等以及协调制度薄弱所造成的落差。",
    },
    inclusion: {
      en: "Rank differences between cities, coordination bodies without authority or budget, agreements that bind no one.",
      zh: "城市之间的行政级别差异、缺乏权力或经费的协调机构、不具约束力的协议。",
    },
    exclusion: {
      en: "Conflicting goals (PRIORITY); lack of local capacity (PLACE).",
      zh: "目标冲突（PRIORITY）；地方能力不足（PLACE）。",
    },
    example: "区域协调机构缺乏实际决策权，跨市合作事项推进缓慢。",
    keywords: ["协调机制", "联席会议", "行政级别", "话语权", "行政壁垒", "体制机制", "权限", "约束力"],
  }),
];

// ---------------------------------------------------------------- trajectories

const TRAJECTORIES: readonly TemplateCode[] = [
  code("VERTICAL", "纵向轨迹", "Vertical trajectory", "#283593", {
    definition: {
      en: "Relations between levels of government, from the national level down to provinces and cities, along which plans are handed down and reinterpreted.",
      zh: "从国家到省、市的政府层级之间的关系，规划沿此逐级下达并被重新诠释。",
    },
    inclusion: {
      en: "National approvals, provincial implementation plans, tasks and evaluations set by higher levels.",
      zh: "国家批复、省级实施方案、上级部署的任务与考核。",
    },
    exclusion: {
      en: "Relations between cities of the same level (HORIZONTAL).",
      zh: "同级城市之间的关系（HORIZONTAL）。",
    },
    example: "贯彻落实国务院批复的规划纲要，制定本省实施方案。",
    keywords: ["国务院", "国家发展改革委", "中央", "省委", "省政府", "上级", "实施方案", "批复"],
  }),
  code("HORIZONTAL", "横向轨迹", "Horizontal trajectory", "#5c6bc0", {
    definition: {
      en: "Relations between cities, above all between a core and its secondary cities, through agreements, competition and cooperation.",
      zh: "城市之间、尤其是核心城市与次级城市之间通过协议、竞争与合作形成的关系。",
    },
    inclusion: {
      en: "City-to-city agreements, joint committees, integration of neighbouring cities, competition between neighbours.",
      zh: "城市间协议、联合委员会、相邻城市同城化、相邻城市之间的竞争。",
    },
    exclusion: {
      en: "Orders and approvals from higher levels (VERTICAL).",
      zh: "来自上级的部署与批复（VERTICAL）。",
    },
    example: "与省会签署同城化发展合作协议，建立市长联席会议制度。",
    keywords: ["城市间", "合作协议", "同城化", "毗邻", "跨区域", "联席会议", "周边城市", "核心城市"],
  }),
];

export const CODEBOOK_TEMPLATES: Readonly<Record<TemplateKey, CodebookTemplate>> = {
  "3co": {
    key: "3co",
    labelZh: "3-CO 政策取向",
    labelEn: "3-CO policy orientations",
    group: { name: "3-CO", labelZh: "3-CO 政策取向" },
    codes: THREE_CO,
  },
  visions: {
    key: "visions",
    labelZh: "核心—次级城市关系愿景",
    labelEn: "Visions of core-secondary relations",
    group: { name: "Visions", labelZh: "关系愿景" },
    codes: VISIONS,
  },
  mechanisms: {
    key: "mechanisms",
    labelZh: "行动计划机制",
    labelEn: "Mechanisms of action plans",
    group: { name: "Mechanisms", labelZh: "行动计划机制" },
    codes: MECHANISMS,
  },
  "hi-lenses": {
    key: "hi-lenses",
    labelZh: "历史制度主义视角",
    labelEn: "Historical-institutionalist lenses",
    group: { name: "HI lenses", labelZh: "历史制度主义视角" },
    codes: HI_LENSES,
  },
  strategies: {
    key: "strategies",
    labelZh: "次级城市的创业型策略",
    labelEn: "Entrepreneurial strategies of secondary cities",
    group: { name: "Strategies", labelZh: "创业型策略" },
    codes: STRATEGIES,
  },
  passiveness: {
    key: "passiveness",
    labelZh: "次级城市的被动性",
    labelEn: "Passiveness of secondary cities",
    group: { name: "Passiveness", labelZh: "被动性" },
    codes: PASSIVENESS,
  },
  mismatches: {
    key: "mismatches",
    labelZh: "治理错配",
    labelEn: "Governance mismatches",
    group: { name: "Mismatches", labelZh: "治理错配" },
    codes: MISMATCHES,
  },
  trajectories: {
    key: "trajectories",
    labelZh: "纵向与横向轨迹",
    labelEn: "Vertical and horizontal trajectories",
    group: { name: "Trajectories", labelZh: "轨迹" },
    codes: TRAJECTORIES,
  },
};

/** Depth-first walk over a template's codes with each code's parent short name. */
export function* walkTemplateCodes(
  codes: readonly TemplateCode[],
  parentShortName: string | null = null,
): Generator<{ code: TemplateCode; parentShortName: string | null }> {
  for (const c of codes) {
    yield { code: c, parentShortName };
    if (c.children) yield* walkTemplateCodes(c.children, c.shortName);
  }
}
