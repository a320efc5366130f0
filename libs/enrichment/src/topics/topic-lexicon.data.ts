/**
 * Hand-written cue words for IPTC Media Topics, written for Copydesk (not derived from any article set).
 * They give topics outside the trained model's classes (conflict, crime, health, weather...) and go deeper than
 * the top level. `word*` matches any word starting with `word`; phrases match consecutive words.
 * Keep cues specific: one ambiguous cue ("fire", "strike") must not be enough on its own; scoring wants
 * several distinct cues.
 */
export const TOPIC_LEXICON: ReadonlyArray<readonly [qcode: string, cues: string]> = [
  // arts, culture, entertainment and media
  [
    'medtop:01000000',
    'arts|artist|artists|entertainment|culture|cultural|celebrated|premiere|audience|audiences|critics|acclaimed|music|musical|actor|actors|actress|actresses|pop star|showbiz|comedian*|comedy|drama|dramas|film star|film director|record producer|music producer',
  ],
  [
    'medtop:20000005',
    'film|films|movie|movies|cinema*|box office|oscar|oscars|screenplay|hollywood|filmmaker*|blockbuster*|starring|sequel',
  ],
  [
    'medtop:20000018',
    'album|albums|song|songs|singer*|band|bands|concert*|grammy|grammys|rapper*|musician*|guitarist*|drummer*|songwriter*|record label|vinyl|rock and roll|hall of fame|lyrics|frontman',
  ],
  ['medtop:20000029', 'theatre|theatres|theater|theaters|playwright*|broadway|west end|musical|stage show|performers|non-verbal play'],
  ['medtop:20000013', 'novel|novels|novelist*|author|authors|poet|poets|poetry|publisher*|literary|bestseller*|book prize'],
  ['medtop:20000031', 'painting*|painter*|sculpture*|sculptor*|artwork*|installation|installations|light art'],
  ['medtop:20000051', 'television|tv series|sitcom*|episode|episodes|broadcaster*|viewers|primetime|talk show'],
  ['medtop:20001181', 'festival|festivals'],
  ['medtop:20000043', 'museum*|gallery|galleries|curator*'],
  ['medtop:20001182', 'twitter|facebook|instagram|tiktok|social media|youtube|hashtag*|viral|tweet*'],
  // economy, business and finance
  [
    'medtop:04000000',
    'economy|economic|business|businesses|company|companies|firm|firms|investor*|profit|profits|revenue*|shares|shareholder*|market|markets|chief executive|ceo|industry|customers|sales|acquisition*|merger*|billion',
  ],
  [
    'medtop:20001365',
    'profit|profits|earnings|quarterly|revenue*|third quarter|second quarter|first quarter|fourth quarter|fiscal|annual results|net income|per share|guidance|outlook',
  ],
  [
    'medtop:20000385',
    'shares|stock|stocks|stock market|dow|nasdaq|ftse|wall street|traders|trading|bond|bonds|investors|index|indices|currency|currencies',
  ],
  [
    'medtop:20000346',
    'inflation|gdp|recession|interest rate|interest rates|central bank|economic growth|economists|economist|consumer spending|trade deficit|federal reserve',
  ],
  [
    'medtop:20000296',
    'automaker*|carmaker*|vehicle|vehicles|suv|suvs|sedan|horsepower|electric vehicle*|hybrid|auto show|mpg|plug-in|dealership*|car|cars',
  ],
  ['medtop:20000295', 'aircraft|jets|jetliner*|airbus|boeing|plane maker|planemaker|aerospace'],
  ['medtop:20000337', 'airline|airlines|airport*|flights|passengers|rail|railway*|shipping|freight|fleet|carriers'],
  ['medtop:20000252', 'retail|retailer*|store|stores|shoppers|shopping|e-commerce|same-store|consumer demand|home improvement'],
  [
    'medtop:20000256',
    'oil|crude|gas prices|opec|barrel|barrels|energy|electricity|renewable*|solar|wind power|pipeline*|power station*|utilities',
  ],
  ['medtop:20000183', 'funding|ipo|initial public offering|valuation|venture capital|investment|investors|raised|financing'],
  // politics
  [
    'medtop:11000000',
    'government|minister|ministers|parliament*|election*|vote|votes|voters|party|parties|campaign*|president|senate|senator*|congress*|lawmaker*|legislation|politician*|political|policy|policies|governor|democrat*|republican*|mp|mps|opposition|labour party|conservatives|tory|tories|downing street|white house|cabinet',
  ],
  [
    'medtop:20000574',
    'election|elections|ballot*|polling|voters|candidate*|campaigning|campaign trail|manifesto|poll|polls|constituency|re-election',
  ],
  [
    'medtop:20000638',
    'diplomat*|embassy|embassies|sanction*|summit|foreign minister|foreign secretary|secretary of state|treaty|bilateral|united nations|nato|ambassador*',
  ],
  [
    'medtop:20000615',
    'parliament|congress|senate|house of representatives|house of commons|house of lords|lawmakers|legislature|mps|bill|bills',
  ],
  ['medtop:20000620', 'tax|taxes|taxation|taxpayer*|tax cut*|income tax|vat'],
  ['medtop:20000612', 'mayor|city council|county|municipal|local authority|council'],
  ['medtop:20000618', 'governor|state legislature|state government'],
  // science and technology
  [
    'medtop:13000000',
    'technology|technologies|software|computer*|internet|online|digital|research*|scientist*|science|scientific|phone|phones|mobile|broadband|device*|robot*|artificial intelligence|data|chip|chips|gadget*|users|engineers',
  ],
  [
    'medtop:20000735',
    'research|researchers|study|studies|scientists|journal|published|laboratory|laboratories|findings|experiment*|simulation*',
  ],
  [
    'medtop:20000718',
    'galaxy|galaxies|universe|stars|planet|planets|telescope*|astronom*|astrophysic*|cosmic|black hole*|solar system|orbit*',
  ],
  [
    'medtop:20000739',
    'nasa|lunar|moon|mars|spacecraft|astronaut*|space exploration|lander|landers|rocket*|launch vehicle|space agency|artemis|esa',
  ],
  [
    'medtop:20000763',
    'software|computer|computers|internet|algorithm*|programming|cyber|hacker*|hacking|cloud computing|artificial intelligence|machine learning|broadband|wi-fi|browser*|operating system|search engine|microsoft|google|apple',
  ],
  [
    'medtop:20000761',
    'chip|chips|semiconductor*|processor*|electronics|gadget*|smartphone*|handset*|mobile phone*|tablet*|consoles|touch screen',
  ],
  ['medtop:20000731', 'physics|physicist*|particle*|quantum'],
  ['medtop:20000719', 'biology|biologist*|species|genome|genetic*|dna|cells|evolution'],
  // sport
  [
    'medtop:15000000',
    'sport|sports|match|matches|team|teams|season|player|players|coach|coaches|league|championship*|tournament*|cup|olympic*|medal*|athlete*|final|finals|club|victory|defeat|stadium|scored|win|won|captain|fans',
  ],
  [
    'medtop:20001065',
    'football|premier league|striker*|goalkeeper*|midfielder*|defender*|fifa|uefa|world cup|champions league|la liga|serie a|penalty|soccer|mls',
  ],
  [
    'medtop:20001085',
    'tennis|grand slam|wimbledon|atp|wta|davis cup|us open|roland garros|australian open|singles|doubles|tiebreak*|tie-break*|serve|aces',
  ],
  [
    'medtop:20000823',
    'nfl|quarterback*|touchdown*|super bowl|linebacker*|wide receiver*|running back|end zone|defensive end|sack|sacks|yards',
  ],
  ['medtop:20000851', 'nba|basketball|dunk*|three-pointer*|point guard|rebounds|wnba'],
  ['medtop:20000849', 'mlb|baseball|pitcher*|home run*|inning*|world series|shortstop'],
  ['medtop:20000965', 'nhl|hockey|puck|stanley cup'],
  ['medtop:20000888', 'cricket|wicket*|batsman|batsmen|bowler*|innings|test match|odi|ashes'],
  ['medtop:20001176', 'rugby|six nations|scrum*|fly-half|try-line|lions tour'],
  ['medtop:20000940', 'golf|golfer*|pga|birdie*|bogey*|fairway*|ryder cup'],
  ['medtop:20000827', 'athletics|sprint*|sprinter*|marathon|hurdles|iaaf|world athletics|100m|200m|400m|800m|1500m'],
  ['medtop:20000991', 'formula one|grand prix|f1|nascar|indycar|pole position|pit stop'],
  ['medtop:20000892', 'cycling|cyclist*|tour de france|peloton|giro'],
  ['medtop:20000856', 'boxing|boxer*|heavyweight|knockout|bout|title fight'],
  ['medtop:20001103', 'suspended|suspension|fined|ejected|disciplinary|banned'],
  ['medtop:20001104', 'doping|drug test*|banned substance*|wada|anti-doping'],
  // conflict, war and peace
  [
    'medtop:16000000',
    'war|wars|warfare|military|troops|soldier*|army|armies|armed forces|airstrike*|air strike*|missile*|rebel|rebels|militant*|ceasefire|invasion|insurgent*|conflict|fighting|shelling|artillery|combat|militia*|frontline|front line|drone strike*|casualties|civilians|offensive',
  ],
  ['medtop:20000053', 'terror|terrorism|terrorist*|suicide bomb*|jihadist*|extremist*|isis|islamic state|al-qaeda|al qaeda|car bomb*'],
  ['medtop:20000062', 'war|invasion|frontline|front line|troops|battlefield|occupation|annex*'],
  ['medtop:20000065', 'protest|protests|protester*|protestor*|demonstrator*|demonstrations|riot|riots|rioters|unrest|tear gas|crackdown'],
  ['medtop:20000073', 'peace talks|ceasefire|truce|peace deal|peace agreement|peace process|negotiators|mediator*'],
  // crime, law and justice
  [
    'medtop:02000000',
    'police|arrest*|crime|crimes|criminal*|court|judge|judges|trial|charged|suspect*|murder*|prosecutor*|lawsuit*|jail*|prison*|sentenced|convicted|guilty|lawyer*|attorney*|fbi|theft|fraud|kidnap*|detectives|custody|justice|victim|indicted|indictment',
  ],
  ['medtop:20000099', 'murder*|homicide*|stabbing*|stabbed|manslaughter|killer|shot dead|killed'],
  [
    'medtop:20000107',
    'court|courts|judge|judges|trial|jury|jurors|verdict|lawsuit*|appeal|appeals court|supreme court|hearing|testified|testimony',
  ],
  ['medtop:20000130', 'arrest|arrested|arrests|custody|detained|handcuff*'],
  ['medtop:20000133', 'police|officer|officers|detective*|sheriff*|constable|cops|swat'],
  ['medtop:20000100', 'kidnap*|abduct*|amber alert|hostage*|ransom'],
  ['medtop:20000097', 'fraud*|scam*|embezzl*|ponzi|money laundering|fraudulent'],
  ['medtop:20000096', 'drug trafficking|cartel*|narcotic*|drug smuggling|drug dealer*|trafficker*'],
  ['medtop:20001313', 'shooting|shootings|gunman|gunmen|gunfire|opened fire|shot dead|mass shooting'],
  ['medtop:20000093', 'corruption|bribe*|bribery|kickback*|graft'],
  ['medtop:20000131', 'investigation|investigating|investigators|inquiry|probe|subpoena*'],
  ['medtop:20000087', 'securities fraud|insider trading|accounting fraud|regulators|sec|attorney general|antitrust'],
  // disaster, accident and emergency incident
  [
    'medtop:03000000',
    'disaster*|earthquake*|flood|floods|flooding|hurricane*|wildfire*|crash*|accident*|explosion*|collapse*|tsunami|evacuat*|rescue*|emergency|death toll|survivor*|injured|victims|debris',
  ],
  [
    'medtop:20000151',
    'earthquake*|tsunami|volcan*|eruption|landslide*|hurricane*|typhoon*|cyclone*|tornado*|flooding|floods|wildfire*|drought|magnitude',
  ],
  ['medtop:20000150', 'fire|fires|blaze|blazes|firefighter*|flames|burned|smoke'],
  ['medtop:20000143', 'plane crash|car crash|derail*|collision|capsiz*|crashed|pile-up|road accident'],
  ['medtop:20000168', 'rescue*|rescuers|evacuat*|emergency services|first responders|paramedic*|search and rescue|shelter*'],
  // education
  [
    'medtop:05000000',
    'school|schools|pupil*|student*|teacher*|education|educational|university|universities|college|colleges|curriculum|exam|exams|tuition|classroom*|campus|graduates|academic',
  ],
  ['medtop:20000405', 'university|universities|college|colleges|campus|undergraduate*|tuition fees|professor*'],
  ['medtop:20000400', 'school|schools|pupils|classroom*|headteacher*|head teacher*|primary school*|secondary school*|high school*'],
  // environment
  [
    'medtop:06000000',
    'environment*|climate|emission*|carbon|pollution|wildlife|species|conservation|biodiversity|deforestation|greenhouse|recycl*|fossil fuel*|sustainab*|ecosystem*|habitat*|woodland*|forest|forests|trees|tree planting|rewilding|wetland*|peatland*|beaver*|bees|pollinator*|seabirds|ecolog*|nature reserve*|national park*|green belt|sewage|water quality|litter|plastic|plastics|renewable*|clean energy|air pollution|heat pump*|wind farm*|natural world|nature|microplastic*|plastic pollution|marine life|oceans|coral reef*|whales|dolphins',
  ],
  [
    'medtop:20000418',
    'climate change|global warming|emissions|carbon dioxide|greenhouse gas*|net zero|paris agreement|climate crisis|warming',
  ],
  ['medtop:20000424', 'pollution|pollutant*|contaminat*|smog|sewage|toxic|air quality|plastic waste|oil spill'],
  ['medtop:20000443', 'endangered|extinction|extinct|poaching|critically endangered'],
  // health
  [
    'medtop:07000000',
    'health|hospital*|patient*|doctor*|nurse*|disease*|virus*|vaccin*|cancer|medical|medicine*|treatment*|nhs|infection*|outbreak*|symptom*|clinic|clinics|surgery|mental health|obesity|diabetes|pandemic|epidemic|healthcare|health care|illness*|diagnos*|overdose*|dementia|alzheimer*|memory loss|stroke|heart disease|heart attack*|blood pressure|cardiolog*|cardiac|sleep|insomnia|nutrition|dietary|calories|waiting list*|waiting times|operations|gp|gps|pharmac*|clinical trial*|side-effects|side effects|specialists|wellbeing|chronic|asthma|allerg*|dentist*|dental|drug|drugs|therapy|therapies|physician*|paediatric*|pediatric*',
  ],
  [
    'medtop:20000448',
    'virus|viruses|infection*|infected|outbreak*|epidemic*|pandemic*|flu|influenza|measles|covid*|coronavirus|ebola|hiv|malaria|cholera|contagious|transmission',
  ],
  ['medtop:20000447', 'cancer|cancers|tumour*|tumor*|chemotherapy|oncolog*|radiotherapy'],
  ['medtop:20000462', 'hospital|hospitals|ward|wards|a&e|emergency room|intensive care|icu'],
  ['medtop:20000477', 'vaccine*|vaccinat*|immunis*|immuniz*|jab|jabs|booster*'],
  ['medtop:20000458', 'mental health|depression|anxiety|psychiatr*|suicide|eating disorder*|ptsd'],
  [
    'medtop:20001358',
    'public health|obesity|smoking|vaping|overdose*|health officials|health department|cdc|world health organization|awareness campaign',
  ],
  ['medtop:20000468', 'prescription*|pharmaceutical*|drugmaker*|fda|clinical trial*|painkiller*|opioid*'],
  // human interest
  [
    'medtop:08000000',
    'royal|royals|prince|princess|queen|duke|duchess|celebrity|celebrities|wedding*|birthday*|anniversary|award|awards|ceremony|centenarian|heartwarming|centenarian*|great-grandmother|great-grandfather|grandmother|grandfather|grandchildren|grandson|granddaughter|reunited|reunion|long-lost|twins|surprise party|well-wishers|kindness|good samaritan|heroic|bravery|pet|pets|dog|dogs|puppy|puppies|cat|cats|tears|cried|emotional|memories|touching|oldest|quirky|bizarre|message in a bottle|villagers|adopted|adoption|separated at birth|dna test|skydive|skydiving|fundraiser*|raised money|raising money|great-grandchildren|lost dog|missing dog|missing cat',
  ],
  ['medtop:20000506', 'royal|royals|royal family|prince|princess|queen|duke|duchess|monarch*|monarchy|buckingham palace|throne|king'],
  ['medtop:20000505', 'celebrity|celebrities|star|stars|fame|famous|red carpet'],
  ['medtop:20001236', 'wedding|weddings|bride|groom|married|marry|engagement'],
  ['medtop:20001235', 'funeral|funerals|memorial|mourners|mourning|tributes|laid to rest|passed away|died|obituary|survived by'],
  ['medtop:20000498', 'award|awards|prize|prizes|winner*|nominat*|honour*|honored|accolade*'],
  // labour
  [
    'medtop:09000000',
    'jobs|workers|worker|employee*|union|unions|wage|wages|salary|salaries|unemployment|employment|layoff*|pension*|minimum wage|workforce|hiring|staff|redundanc*|job cuts|pay rise|pay rises|pay deal|pay offer|pay dispute|pay award|living wage|working conditions|working hours|four-day week|overtime|holiday pay|sick pay|employer|employers|employment tribunal|gig economy|zero-hours|ballot|balloted|strike|strikes|striking|walkout*|industrial action|trade union*|labour market|labor market|vacancies|recruit*|apprentice*',
  ],
  ['medtop:20000529', 'strike action|on strike|walkout*|industrial action|picket*|stoppage'],
  ['medtop:20000533', 'unemployment|unemployed|jobless*|layoff*|laid off|redundanc*|job cuts|job losses'],
  ['medtop:20000536', 'union|unions|trade union*|labor union*|collective bargaining'],
  ['medtop:20000532', 'pension|pensions|pensioner*|retirement age'],
  // lifestyle and leisure
  [
    'medtop:10000000',
    'travel*|holiday*|vacation*|recipe*|food|restaurant*|fashion|hiking|hike|hikes|outdoor*|garden*|gardening|fitness|leisure|tourism|tourist*|hotel*|lifestyle|hobby|hobbies|shopping|bike|bikes|biker*|cook|cooks|cooking|cookery|baking|bake|bakes|baked|bread|dough|flour|oven|ingredient*|dish|dishes|meal|meals|dessert*|cake|cakes|wine|wines|cocktail*|walks|walking|stroll|strolls|countryside|picnic*|city break|spa|beach|beaches|stylish|stylist*|trend|trends|wardrobe|outfit*|dresses|trousers|jeans|shoes|accessories|handbag*|sow|sowing|seeds|seedling*|prune|pruning|compost|lawn|lawns|flowers|blooms|wellness|yoga|self-care|skincare|beauty|makeup|make-up|weekend away|day out|days out|cafe|cafes|pub|pubs|scenic|getaway*|ramble*|rambler*|trek|treks|trekking|sightseeing|tips',
  ],
  [
    'medtop:20000563',
    'travel|travellers|travelers|tourism|tourist*|trip|trips|hotel*|resort*|vacation*|sightseeing|itinerary|destination*',
  ],
  ['medtop:20000560', 'hiking|hike|hikes|hiker*|camping|trail|trails|outdoors|mountain*|kayak*|picnic|fishing'],
  ['medtop:20001239', 'fitness|workout*|exercise|exercising|gym|gyms|training plan'],
  ['medtop:20000570', 'home|homes|house|houses|interior*|diy|furniture|kitchen*|renovat*'],
  ['medtop:20000550', 'hobby|hobbies|collectors|collecting|motorcycl*|bikers|vintage'],
  // religion
  [
    'medtop:12000000',
    'church|churches|religio*|faith|pope|bishop*|cardinal|cardinals|basilica|cathedral*|pilgrim*|hajj|mecca|ramadan|eid|diwali|synod|sermon*|congregation*|diocese*|parish*|worshipper*|mosque*|muslim*|christian*|islam*|jewish|synagogue*|prayer*|clergy|vatican|temple|temples|hindu*|buddhis*|worship*|archbishop|priest*|imam*|rabbi*',
  ],
  ['medtop:20000704', 'pope|vatican|pontiff|papal'],
  // society
  [
    'medtop:14000000',
    'immigra*|migrant*|refugee*|poverty|homeless*|discrimination|racism|racist|gender|lgbt*|welfare|charity|charities|community|communities|families|inequality|social care|minorities|diversity|equality|census|household|households|living alone|loneliness|lonely|isolation|elderly|older people|young people|inequalit*|human rights|rights campaigner*|campaigners|same-sex|gay|lesbian|transgender|marriage equality|disabled|disability|disabilities|benefits|social housing|affordable homes|renters|tenants|food bank*|cost of living|volunteer*|ethnic minorit*|racial|sociolog*',
  ],
  ['medtop:20000771', 'immigration|immigrants|immigrant|migrants|migrant|deport*|asylum|border crossing*|undocumented'],
  ['medtop:20000801', 'poverty|poor families|food bank*|low-income|deprivation'],
  ['medtop:20000800', 'homeless|homelessness|rough sleep*'],
  ['medtop:20000777', 'racism|racist|racial|race relations|hate crime*|white supremac*'],
  ['medtop:20000804', 'addiction|addict|addicts|addicted|meth|methamphetamine|opioid*|substance abuse|drug use|drug abuse|recovery'],
  [
    'medtop:20001193',
    'sex offender|sexual abuse|sexual assault|abuse|trafficking|underage|harassment|sex trafficking|paedophil*|pedophil*',
  ],
  ['medtop:20001284', 'bullying|bullied|bully|cyberbullying|antagoniz*'],
  // weather
  [
    'medtop:17000000',
    'weather|forecast|forecasts|rain|rainfall|snow|snowfall|storm|storms|temperature|temperatures|heatwave*|heat wave*|wind|winds|windy|met office|meteorolog*|cold snap|frost|fog|thunderstorm*|sunshine|showers|gust|gusts|humid*|celsius|fahrenheit|degrees|downpour*|drizzle|sleet|hail',
  ],
  ['medtop:20001128', 'forecast|forecasts|forecaster*|met office|national weather service|outlook for|meteorologist*'],
  [
    'medtop:20001131',
    'weather warning*|yellow warning|amber warning|red warning|flood warning*|storm warning*|weather alert*|winter storm warning|severe weather',
  ],
  [
    'medtop:20001129',
    'storm|storms|snow|snowfall|heatwave*|heat wave*|fog|hail|thunderstorm*|blizzard*|gales|gale|downpour*|drizzle|frost|ice',
  ],
  ['medtop:20001130', 'record high|record low|hottest|coldest|wettest|driest|warmest|temperature record*|highest temperature'],
];
